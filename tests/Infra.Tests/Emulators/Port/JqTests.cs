using System.Text.Json.Nodes;
using Emulators.Jq;

namespace Infra.Tests.Emulators.Port;

public sealed class JqTests
{
    private static readonly JsonNode Event = JsonNode.Parse("""
        { "diff": { "before": null, "after": { "status": "SUCCESS", "n": 2, "ok": true, "my-key": "v",
          "response": { "data": { "apiKeyUser": { "jwt": "j.w.t" } } } } } }
        """)!;

    [Theory]
    [InlineData(".diff.after.status == \"SUCCESS\"", true)]
    [InlineData(".diff.after.status != \"SUCCESS\"", false)]
    [InlineData(".diff.before == null", true)]
    [InlineData(".diff.after.n == 2.0", true)]
    [InlineData(".diff.after[\"my-key\"] == \"v\"", true)]
    [InlineData(".[\"diff\"].after.ok", true)]
    [InlineData(".diff.after.ok and .diff.before", false)]
    [InlineData(".diff.after.ok or .diff.before", true)]
    [InlineData(".diff.before | not", true)]
    [InlineData("(.diff.after.status == \"FAILURE\") | not", true)]
    [InlineData("not", false)]
    [InlineData(".missing.deeper == null", true)]
    [InlineData(".diff.after.n != -2", true)]
    [InlineData("true and (false | not)", true)]
    [InlineData("(.diff.after.n == 1 or .diff.after.n == 2) and .diff.after.ok == true", true)]
    [InlineData(".diff.after.response.data.apiKeyUser.jwt != null", true)]
    public void SupportedExpressionsEvaluateLikeJq(string expression, bool expected)
    {
        // When
        var result = JqExpression.Parse(expression).Evaluate(Event);

        // Then
        Assert.Equal(expected, JsonValues.IsTruthy(result));
    }

    [Theory]
    [InlineData("1425599507 | todate", "2015-03-05T23:51:47Z")]
    [InlineData("0 | todate", "1970-01-01T00:00:00Z")]
    [InlineData("1425599507.9 | todate", "2015-03-05T23:51:47Z")]
    public void TodateWritesUnixSecondsAsJqDoes(string expression, string expected)
        => Assert.Equal(expected, JqExpression.Parse(expression).Evaluate(null)!.GetValue<string>());

    [Theory]
    [InlineData("\"Ann.Lee@Acme.IO\" | ascii_downcase", "ann.lee@acme.io")]
    [InlineData("\"ÉTÉ\" | ascii_downcase", "ÉtÉ")]
    public void AsciiDowncaseLowersOnlyAsciiLettersAsJqDoes(string expression, string expected)
        => Assert.Equal(expected, JqExpression.Parse(expression).Evaluate(null)!.GetValue<string>());

    [Fact]
    public void AsciiDowncaseOfANonStringIsAnError()
        => Assert.Throws<JqException>(() => JqExpression.Parse("1 | ascii_downcase").Evaluate(null));

    [Fact]
    public void TodateOfANonNumberIsAnError()
        => Assert.Throws<JqException>(() => JqExpression.Parse("\"soon\" | todate").Evaluate(null));

    [Theory]
    [InlineData("""{ "data": { "apiKeyUser": null }, "errors": [ { "message": "unauthorized" } ] }""")]
    [InlineData("""{ "data": null, "errors": [ { "message": "unauthorized" } ] }""")]
    [InlineData("""{ "errors": [ { "message": "unauthorized" } ] }""")]
    [InlineData("null")]
    public void TheTokenConditionIsFalseWhenSpaceliftGaveNoJwt(string response)
    {
        var refused = JsonNode.Parse($$"""{ "diff": { "after": { "status": "SUCCESS", "response": {{response}} } } }""")!;

        var result = JqExpression.Parse(".diff.after.response.data.apiKeyUser.jwt != null").Evaluate(refused);

        Assert.False(JsonValues.IsTruthy(result));
    }

    [Theory]
    [InlineData(".diff.after.status | ascii_upcase", "ascii_upcase")]
    [InlineData(".items[1:2]", "slice")]
    [InlineData(".items[.n]", "'['")]
    [InlineData(".n > 1", "'>'")]
    [InlineData("$ENV.HOME", "'$'")]
    [InlineData("any(.[]; . == 1)", "more than one argument")]
    [InlineData(".items | map(.x)", "map")]
    [InlineData("[.a, .b]", "','")]
    [InlineData(".a, .b", "','")]
    [InlineData("..", "'..'")]
    [InlineData("\"\\(.a)\"", "interpolation")]
    public void ExpressionsOutsideTheSubsetAreRejectedNamingThePart(string expression, string named)
    {
        var error = Assert.Throws<JqException>(() => JqExpression.Parse(expression));

        Assert.Contains(named, error.Message);
        Assert.Contains("not supported", error.Message);
    }

    [Fact]
    public void IndexingAStringIsARunTimeErrorNotFalse()
    {
        var expression = JqExpression.Parse(".diff.after.status.deeper == \"x\"");

        var error = Assert.Throws<JqException>(() => expression.Evaluate(Event));

        Assert.Contains("cannot index string", error.Message);
    }

    [Fact]
    public void ATemplateThatIsExactlyOneExpressionKeepsTheJsonType()
    {
        var template = JsonNode.Parse("""{ "n": "{{ .diff.after.n }}", "obj": "{{.diff.after.response.data}}", "none": "{{ .diff.before }}" }""");

        var rendered = JqTemplate.Render(template, Event)!.AsObject();

        Assert.Equal(2, rendered["n"]!.GetValue<double>());
        Assert.Equal("j.w.t", rendered["obj"]!["apiKeyUser"]!["jwt"]!.GetValue<string>());
        Assert.Null(rendered["none"]);
    }

    [Fact]
    public void TemplatesInsideTextAreInterpolated()
    {
        var rendered = JqTemplate.RenderText("Bearer {{.diff.after.response.data.apiKeyUser.jwt}} ({{ .diff.after.n }})", Event);

        Assert.Equal("Bearer j.w.t (2)", rendered);
    }

    [Fact]
    public void SecretsWithDashesAreReachableWithBrackets()
    {
        var context = JsonNode.Parse("""{ "secrets": { "my-name": "s3cr3t" } }""");

        Assert.Equal("s3cr3t", JqTemplate.RenderText("{{ .secrets[\"my-name\"] }}", context));
    }

    [Fact]
    public void AnUnsupportedTemplateFailsSayingWhichTemplate()
    {
        var error = Assert.Throws<JqException>(() => JqTemplate.RenderText("x {{ .a | ascii_upcase }}", JsonNode.Parse("{}")));

        Assert.Contains("{{ .a | ascii_upcase }}", error.Message);
        Assert.Contains("ascii_upcase", error.Message);
    }
}
