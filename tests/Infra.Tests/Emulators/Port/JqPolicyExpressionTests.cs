using System.Text.Json.Nodes;
using Emulators.Jq;

namespace Infra.Tests.Emulators.Port;

/// <summary>
/// The jq the permission policies need: indexes, iteration, array construction, <c>//</c>, <c>any</c>,
/// <c>if</c>, array subtraction and <c>length</c>, checked against what jq itself answers, and the two
/// conditions the program declares evaluated over the policy input.
/// </summary>
public sealed class JqPolicyExpressionTests
{
    /// <summary>
    /// The execute condition the program declares for the roles Admin and Member and the user
    /// ops@x.io, with protected stacks kept to platform and sre, verbatim.
    /// </summary>
    public const string ExecuteCondition =
        """(([.results.requester.entities[0].properties.port_role] | any(. == "Admin" or . == "Member")) or ([.results.requester.entities[0].identifier // "" | ascii_downcase] | any(. == "ops@x.io"))) and ((((.results.stack.entities[0].properties.label // []) | any(. == "protected")) | not) or ((.results.requester.entities[0].team // []) | any(. == "platform" or . == "sre")))""";

    /// <summary>The approve condition the program declares, verbatim.</summary>
    public const string ApproveCondition =
        """if ((.results.stack.entities[0].properties.label // []) | any(. == "protected")) then ([.results.approvers.entities[].identifier] - [.results.requester.entities[].identifier]) else [.results.requester.entities[].identifier] end""";

    private static readonly JsonNode Data = JsonNode.Parse("""
        { "items": [ { "x": 1 }, { "x": 2 }, { "x": 3 } ], "tags": ["a", "b"], "none": null, "flag": false, "s": "héllo",
          "obj": { "k": "v", "n": 2 } }
        """)!;

    [Theory]
    [InlineData(".items[0].x", "1")]
    [InlineData(".items[-1].x", "3")]
    [InlineData(".items[7]", "null")]
    [InlineData(".none[0]", "null")]
    [InlineData("[.items[].x]", "[1,2,3]")]
    [InlineData("[.obj[]]", "[\"v\",2]")]
    [InlineData("[.s[]?]", "[]")]
    [InlineData("[.items[]?.x]", "[1,2,3]")]
    [InlineData("[]", "[]")]
    [InlineData(".none // \"d\"", "\"d\"")]
    [InlineData(".flag // \"d\"", "\"d\"")]
    [InlineData(".tags // []", "[\"a\",\"b\"]")]
    [InlineData("(.s.deeper) // \"error counts as empty\"", "\"error counts as empty\"")]
    [InlineData(".tags | any(. == \"b\")", "true")]
    [InlineData(".tags | any(. == \"z\")", "false")]
    [InlineData("[] | any(. == \"z\")", "false")]
    [InlineData(".tags | all(. != \"z\")", "true")]
    [InlineData("[.items[] | .x == 2] | any", "true")]
    [InlineData("if .flag then 1 else 2 end", "2")]
    [InlineData("if .flag then 1 elif .tags then 3 else 2 end", "3")]
    [InlineData(".obj | if .k == \"z\" then 1 end", "{\"k\":\"v\",\"n\":2}")]
    [InlineData("[.items[].x] - [2]", "[1,3]")]
    [InlineData(".obj.n - 1", "1")]
    [InlineData(".obj.n -1", "1")]
    [InlineData(".items | length", "3")]
    [InlineData(".s | length", "5")]
    [InlineData(".none | length", "0")]
    [InlineData("[.items[] | .x == 2]", "[false,true,false]")]
    [InlineData("[.items[].x] | length == 3 and (.[0] == 1)", "true")]
    public void ExpressionsEvaluateAsJqDoes(string expression, string expected)
    {
        var value = JqExpression.Parse(expression).Evaluate(Data);

        Assert.Equal(JsonNode.Parse(expected)?.ToJsonString() ?? "null", value?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("[1, 2]")]
    public void ArrayLiteralsWithCommasAreStillRefused(string expression)
    {
        var error = Assert.Throws<JqException>(() => JqExpression.Parse(expression));

        Assert.Contains("','", error.Message);
    }

    [Fact]
    public void AStreamIsNotASingleValue()
    {
        var parsed = JqExpression.Parse(".items[]");

        Assert.Equal(3, parsed.EvaluateAll(Data).Count);
        var error = Assert.Throws<JqException>(() => parsed.Evaluate(Data));
        Assert.Contains("produced 3 values", error.Message);
    }

    [Theory]
    [InlineData(".s[]", "cannot iterate over string")]
    [InlineData(".s[0]", "cannot index string with number")]
    [InlineData(".tags - 1", "array and number cannot be subtracted")]
    [InlineData(".flag | length", "boolean (false) has no length")]
    [InlineData(".none | any(. == 1)", "cannot iterate over null")]
    public void RunTimeErrorsAreErrorsNotFalse(string expression, string message)
    {
        var error = Assert.Throws<JqException>(() => JqExpression.Parse(expression).Evaluate(Data));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""["protected"]""", """["platform"]""", true)]
    [InlineData("""["protected"]""", """["sre","other"]""", true)]
    [InlineData("""["protected"]""", """["dev"]""", false)]
    [InlineData("""["protected"]""", "[]", false)]
    [InlineData("""["other"]""", """["dev"]""", true)]
    [InlineData("null", """["dev"]""", true)]
    [InlineData("[]", "[]", true)]
    public void TheExecuteConditionAllowsPlatformAndSreOnProtectedStacksAndAnyoneElsewhere(string labels, string teams, bool allowed)
    {
        var input = PolicyInput(labels, teams, approvers: []);

        var value = JqExpression.Parse(ExecuteCondition).Evaluate(input);

        Assert.Equal(allowed, value!.GetValue<bool>());
    }

    [Theory]
    [InlineData("Viewer", "requester@x.io", false)]
    [InlineData("Viewer", "Ops@X.io", true)]
    [InlineData("Member", "requester@x.io", true)]
    [InlineData(null, "requester@x.io", false)]
    public void TheExecuteConditionLetsInOnlyTheListedRolesAndUsersOnAnOpenStack(string? role, string email, bool allowed)
    {
        var input = PolicyInput("[]", "[]", approvers: [], role, email);

        Assert.Equal(allowed, JqExpression.Parse(ExecuteCondition).Evaluate(input)!.GetValue<bool>());
    }

    [Fact]
    public void TheExecuteConditionRefusesARequesterNotFound()
    {
        var input = JsonNode.Parse("""{ "results": { "stack": { "entities": [] }, "requester": { "entities": [] } } }""");

        Assert.False(JqExpression.Parse(ExecuteCondition).Evaluate(input)!.GetValue<bool>());
    }

    [Fact]
    public void TheApproveConditionNamesTheApproverTeamsButNotTheRequesterOnAProtectedStack()
    {
        var input = PolicyInput("""["protected"]""", """["platform"]""", approvers: ["requester@x.io", "lead@x.io", "sre@x.io"]);

        var value = JqExpression.Parse(ApproveCondition).Evaluate(input);

        Assert.Equal("""["lead@x.io","sre@x.io"]""", value!.ToJsonString());
    }

    [Fact]
    public void TheApproveConditionLetsTheRequesterApproveAnUnprotectedStack()
    {
        var input = PolicyInput("""["other"]""", "[]", approvers: ["lead@x.io"]);

        var value = JqExpression.Parse(ApproveCondition).Evaluate(input);

        Assert.Equal("""["requester@x.io"]""", value!.ToJsonString());
    }

    private static JsonNode PolicyInput(string labels, string teams, IReadOnlyList<string> approvers, string? role = "Member", string email = "requester@x.io")
    {
        var approverEntities = new JsonArray([.. approvers.Select(email => (JsonNode?)new JsonObject { ["identifier"] = email })]);
        return new JsonObject
        {
            ["results"] = new JsonObject
            {
                ["stack"] = JsonNode.Parse($$"""{ "entities": [ { "identifier": "s", "properties": { "label": {{labels}} } } ] }"""),
                ["requester"] = JsonNode.Parse($$"""{ "entities": [ { "identifier": "{{email}}", "team": {{teams}}, "properties": { "port_role": {{(role is null ? "null" : $"\"{role}\"")}} } } ] }"""),
                ["approvers"] = new JsonObject { ["entities"] = approverEntities },
            },
            ["trigger"] = new JsonObject { ["user"] = new JsonObject { ["email"] = "requester@x.io" } },
        };
    }
}
