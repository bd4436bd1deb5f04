namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>
/// The names a dynamically bridged provider gives Terraform's resources and attributes, re-derived here so the
/// tests check the renderers' tokens and input names against the bridge's rules rather than against themselves
/// (pulumi/pulumi-terraform-bridge 59de6c661df1e7561e6ece7ad7f1c835c63010c4: <c>dynamic/info.go</c>,
/// <c>pkg/tfbridge/tokens/known_modules.go</c> and <c>tokens.go</c>, <c>pkg/tfbridge/internal/naming/naming.go</c>;
/// pulumi/pulumi <c>pkg/codegen/cgstrings/cgstrings.go</c> <c>ModifyStringAroundDelimeter</c>).
/// </summary>
internal static class BridgeNames
{
    /// <summary><c>SingleModule(prefix, "index", MakeStandard(package))</c> applied to a resource's Terraform name.</summary>
    public static string ResourceToken(string package, string prefix, string terraformName)
    {
        if (!terraformName.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{terraformName} lacks the prefix {prefix}");
        }

        var rest = terraformName[prefix.Length..];
        var name = UppercaseFirst(CamelCase(rest.Length == 0 ? terraformName : rest));
        if (char.IsAsciiDigit(name[0]))
        {
            throw new NotSupportedException("makeSafeTokenPart's digit words are not re-derived here");
        }

        return $"{package}:{CamelCase("index")}/{char.ToLowerInvariant(name[0])}{name[1..]}:{name}";
    }

    /// <summary>
    /// <c>terraformToPulumiName</c> without overrides: a list or set is pluralized first (only names that already end
    /// in 's' are handled here, which the inflector leaves as they are), then each '_' after the first letter
    /// capitalizes the next letter.
    /// </summary>
    public static string PropertyName(string terraformName, bool isCollection)
    {
        if (isCollection && !terraformName.EndsWith('s'))
        {
            throw new NotSupportedException($"{terraformName}: the inflector's plural is not re-derived here");
        }

        var result = new System.Text.StringBuilder();
        var started = false;
        var nextUpper = false;
        foreach (var c in terraformName)
        {
            if (c == '_' && started)
            {
                nextUpper = true;
                continue;
            }

            started |= c != '_';
            result.Append(nextUpper && c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c) : c);
            nextUpper = false;
        }

        if (terraformName.EndsWith('_'))
        {
            result.Append('_');
        }

        return result.ToString();
    }

    /// <summary>The bridge's token <c>camelCase</c>: around '_' and then '-', the part after the delimiter gets an upper first letter.</summary>
    private static string CamelCase(string s) => AroundDelimiter(AroundDelimiter(s, '_'), '-');

    private static string AroundDelimiter(string s, char delimiter)
    {
        var i = s.IndexOf(delimiter, StringComparison.Ordinal);
        if (i < 0)
        {
            return s;
        }

        if (i + 1 >= s.Length)
        {
            return s[..^1];
        }

        return s[..i] + AroundDelimiter(UppercaseFirst(s[(i + 1)..]), delimiter);
    }

    private static string UppercaseFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
