using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// Reads the one shape of notification policy the emulator can evaluate, and refuses anything else by
/// name rather than guessing what Rego would do:
/// <code>
/// package spacelift
/// import rego.v1                                   (optional; or import future.keywords...)
/// webhook contains {"endpoint_id": endpoint.id} if {   (v1; v0: webhook[{"endpoint_id": endpoint.id}] {)
///   some endpoint in input.webhook_endpoints       (v0: endpoint := input.webhook_endpoints[_])
///   endpoint.id == "port-stack-state"
///   input.run_updated.run.type == "TRACKED"        (==, !=, "x" in P, P[_] == "x"; P under endpoint or input)
/// }
/// </code>
/// Refused: other rules (<c>inbox</c>, <c>slack</c>, <c>pull_request</c>, helpers, <c>sample</c>),
/// <c>payload</c>/<c>headers</c>/<c>method</c>, builtins such as <c>sprintf</c>, <c>not</c>, <c>with</c>,
/// variables other than <c>endpoint</c>, more than one package.
/// </summary>
public static partial class NotificationRuleParser
{
    private const string Path = @"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*";
    private const string Literal = @"""(?:[^""\\]|\\.)*""|true|false|null|-?\d+(?:\.\d+)?";

    [GeneratedRegex(@"\Gpackage\s+([\w.]+)")]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"\Gimport\s+([\w.]+)")]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"\Gwebhook\s+contains\s*\{(?<head>[^{}]*)\}\s*if\s*\{(?<body>[^{}]*)\}")]
    private static partial Regex RuleV1();

    [GeneratedRegex(@"\Gwebhook\s*\[\s*\{(?<head>[^{}]*)\}\s*\]\s*(?:if\s*)?\{(?<body>[^{}]*)\}")]
    private static partial Regex RuleV0();

    [GeneratedRegex(@"\G[A-Za-z_]\w*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\s*""endpoint_id""\s*:\s*(?<e>endpoint\.id|""(?:[^""\\]|\\.)*"")\s*$")]
    private static partial Regex Head();

    [GeneratedRegex(@"""(\w+)""\s*:")]
    private static partial Regex ObjectKey();

    [GeneratedRegex(@"\b(not|with|every|else|default)\b")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"([A-Za-z_][\w.]*)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^some\s+endpoint\s+in\s+input\.webhook_endpoints$|^endpoint\s*:=\s*input\.webhook_endpoints\[_\]$")]
    private static partial Regex Binding();

    [GeneratedRegex("^(?<p>" + Path + @")\s*(?<op>==|!=)\s*(?<lit>" + Literal + ")$")]
    private static partial Regex Compare();

    [GeneratedRegex("^(?<lit>" + Literal + @")\s*(?<op>==|!=)\s*(?<p>" + Path + ")$")]
    private static partial Regex CompareReversed();

    [GeneratedRegex("^(?<lit>" + Literal + @")\s+in\s+(?<p>" + Path + ")$")]
    private static partial Regex Member();

    [GeneratedRegex("^(?<p>" + Path + @")\[_\]\s*==\s*(?<lit>" + Literal + ")$")]
    private static partial Regex MemberV0();

    [GeneratedRegex(@"^(?<v>[A-Za-z_]\w*)\s*:?=")]
    private static partial Regex Assignment();

    /// <summary>The rules of a NOTIFICATION policy body.</summary>
    /// <exception cref="NotificationPolicyException">The body is outside the shape above; the message names the construct.</exception>
    internal static IReadOnlyList<NotificationRule> Parse(string body)
    {
        var text = StripComments(body);
        var position = SkipSpace(text, 0);
        var package = PackageLine().Match(text, position);
        if (!package.Success)
        {
            throw Refuse("a policy that does not start with 'package spacelift'");
        }

        if (package.Groups[1].Value != "spacelift")
        {
            throw Refuse($"package '{package.Groups[1].Value}' (notification policies use 'package spacelift')");
        }

        position = SkipSpace(text, package.Index + package.Length);
        var rules = new List<NotificationRule>();
        while (position < text.Length)
        {
            if (PackageLine().Match(text, position) is { Success: true })
            {
                throw Refuse("more than one package");
            }

            if (ImportLine().Match(text, position) is { Success: true } import)
            {
                var name = import.Groups[1].Value;
                if (name != "rego.v1" && name != "future.keywords" && !name.StartsWith("future.keywords.", StringComparison.Ordinal))
                {
                    throw Refuse($"import '{name}'");
                }

                position = SkipSpace(text, import.Index + import.Length);
                continue;
            }

            var word = Word().Match(text, position);
            if (!word.Success)
            {
                throw Refuse($"'{Snippet(text, position)}'");
            }

            if (word.Value != "webhook")
            {
                throw new NotificationPolicyException($"emulator cannot evaluate rule '{word.Value}': only 'webhook' rules are evaluated");
            }

            var rule = RuleV1().Match(text, position) is { Success: true } v1 ? v1 : RuleV0().Match(text, position);
            if (!rule.Success)
            {
                throw NamedConstruct(text[position..]) ?? Refuse($"the webhook rule starting '{Snippet(text, position)}'");
            }

            rules.Add(ParseRule(rule.Groups["head"].Value, rule.Groups["body"].Value));
            position = SkipSpace(text, rule.Index + rule.Length);
        }

        return rules;
    }

    private static NotificationRule ParseRule(string head, string body)
    {
        var endpoint = Head().Match(head);
        if (!endpoint.Success)
        {
            throw NamedConstruct("{" + head + "}") ?? Refuse($"the rule head '{{{head.Trim()}}}'");
        }

        var iterates = false;
        var conditions = new List<NotificationCondition>();
        foreach (var raw in body.Split(['\n', ';']))
        {
            var statement = raw.Trim();
            if (statement.Length == 0)
            {
                continue;
            }

            if (Binding().IsMatch(statement))
            {
                iterates = true;
                continue;
            }

            conditions.Add(ParseCondition(statement));
        }

        var literal = endpoint.Groups["e"].Value == "endpoint.id" ? null : JsonNode.Parse(endpoint.Groups["e"].Value)!.GetValue<string>();
        if ((literal is null || conditions.Any(c => c.Path[0] == NotificationCondition.EndpointVariable)) && !iterates)
        {
            throw Refuse("'endpoint' without 'some endpoint in input.webhook_endpoints' (or 'endpoint := input.webhook_endpoints[_]')");
        }

        return new NotificationRule(literal, iterates, conditions);
    }

    private static NotificationCondition ParseCondition(string statement)
    {
        foreach (var (pattern, member) in new[] { (Compare(), false), (CompareReversed(), false), (Member(), true), (MemberV0(), true) })
        {
            var match = pattern.Match(statement);
            if (!match.Success)
            {
                continue;
            }

            var path = match.Groups["p"].Value.Split('.');
            if (path[0] != NotificationCondition.EndpointVariable && path[0] != "input")
            {
                throw Refuse($"variable '{path[0]}'");
            }

            var op = member ? "in" : match.Groups["op"].Value;
            return new NotificationCondition(path, op, JsonNode.Parse(match.Groups["lit"].Value));
        }

        throw NamedConstruct(statement) ?? (Assignment().Match(statement) is { Success: true } assignment
            ? Refuse($"variable '{assignment.Groups["v"].Value}'")
            : Refuse($"'{statement}'"));
    }

    /// <summary>The first construct in <paramref name="text"/> that is known to be outside the shape, as a refusal.</summary>
    private static NotificationPolicyException? NamedConstruct(string text)
    {
        foreach (Match key in ObjectKey().Matches(text))
        {
            if (key.Groups[1].Value != "endpoint_id")
            {
                return Refuse($"'{key.Groups[1].Value}'");
            }
        }

        if (Keyword().Match(text) is { Success: true } keyword)
        {
            return Refuse($"'{keyword.Value}'");
        }

        return Call().Match(text) is { Success: true } call ? Refuse($"'{call.Groups[1].Value}'") : null;
    }

    private static NotificationPolicyException Refuse(string what)
        => new($"emulator cannot evaluate {what} in a webhook rule");

    private static string StripComments(string body)
    {
        var result = new StringBuilder(body.Length);
        var inString = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < body.Length)
                {
                    result.Append(body[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '#')
            {
                while (i < body.Length && body[i] != '\n')
                {
                    i++;
                }

                result.Append('\n');
            }
            else
            {
                inString = c == '"';
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static int SkipSpace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static string Snippet(string text, int position)
    {
        var end = text.IndexOf('\n', position);
        var line = (end < 0 ? text[position..] : text[position..end]).Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
