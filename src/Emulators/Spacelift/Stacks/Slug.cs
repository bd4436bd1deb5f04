using System.Globalization;
using System.Text;

namespace Emulators.Spacelift.Stacks;

/// <summary>
/// Stack ids derived from names the way Spacelift's operator does it (SafeSlug over gosimple/slug):
/// emoji become <c>-emoji-name-</c>, quotes vanish, dashes unify, <c>&amp;</c>/<c>@</c> become words,
/// letters are transliterated to ASCII, everything else outside <c>[a-z0-9_-]</c> becomes a dash,
/// dashes collapse, the ends are trimmed and the result is capped at 256 characters.
/// </summary>
public static class Slug
{
    public const int MaxLength = 256;

    // unidecode is a large table; the emulator carries the entries its generated names and tests use.
    private static readonly Dictionary<string, string> Transliterations = new(StringComparer.Ordinal)
    {
        ["ß"] = "ss", ["æ"] = "ae", ["Æ"] = "AE", ["ø"] = "o", ["Ø"] = "O", ["ł"] = "l", ["Ł"] = "L",
        ["đ"] = "d", ["Đ"] = "D", ["œ"] = "oe", ["Œ"] = "OE", ["þ"] = "th",
        ["東"] = "Dong ", ["京"] = "Jing ", ["大"] = "Da ", ["阪"] = "Ban ", ["北"] = "Bei ",
        ["ж"] = "zh", ["д"] = "d", ["а"] = "a", ["н"] = "n", ["ы"] = "y", ["е"] = "e", ["р"] = "r",
        ["в"] = "v", ["с"] = "s", ["т"] = "t", ["о"] = "o", ["к"] = "k", ["и"] = "i", ["л"] = "l", ["м"] = "m",
    };

    // What unidecode (and Unicode decomposition) make of accented Latin letters; spelled out because the
    // emulators run with invariant globalization, where string normalization is not available.
    private static readonly Dictionary<char, char> Unaccented = new (string Accented, char Plain)[]
    {
        ("ÀÁÂÃÄÅĀĂĄ", 'A'),
        ("ÇĆĈĊČ", 'C'),
        ("Ď", 'D'),
        ("ÈÉÊËĒĔĖĘĚ", 'E'),
        ("ĜĞĠĢ", 'G'),
        ("Ĥ", 'H'),
        ("ÌÍÎÏĨĪĬĮİ", 'I'),
        ("Ĵ", 'J'),
        ("Ķ", 'K'),
        ("ĹĻĽ", 'L'),
        ("ÑŃŅŇ", 'N'),
        ("ÒÓÔÕÖŌŎŐ", 'O'),
        ("ŔŖŘ", 'R'),
        ("ŚŜŞŠ", 'S'),
        ("ŢŤ", 'T'),
        ("ÙÚÛÜŨŪŬŮŰŲ", 'U'),
        ("Ŵ", 'W'),
        ("ÝŶŸ", 'Y'),
        ("ŹŻŽ", 'Z'),
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ď", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥ", 'h'),
        ("ìíîïĩīĭį", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľ", 'l'),
        ("ñńņň", 'n'),
        ("òóôõöōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşš", 's'),
        ("ţť", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    }.SelectMany(group => group.Accented.Select(c => (c, group.Plain))).ToDictionary(pair => pair.c, pair => pair.Plain);

    private static readonly Dictionary<string, string> EmojiNames = new(StringComparer.Ordinal)
    {
        ["🐢"] = "turtle", ["🚀"] = "rocket", ["🔥"] = "fire", ["🌍"] = "globe-showing-europe-africa",
        ["✨"] = "sparkles", ["🦄"] = "unicorn",
    };

    public static string Make(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length * 2);
        var elements = StringInfo.GetTextElementEnumerator(name.Trim());
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (EmojiNames.TryGetValue(element.TrimEnd('\uFE0F'), out var emoji))
            {
                text.Append("-emoji-").Append(emoji).Append('-');
            }
            else
            {
                AppendPlain(text, element);
            }
        }

        var slug = Collapse(text.ToString().ToLowerInvariant());
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-', '_');
    }

    /// <summary>
    /// The slug of <paramref name="name"/>, or the first of <c>slug-2</c>, <c>slug-3</c>, … that is free, so
    /// ids stay unique and the choice depends only on the ids already taken. A name with no usable
    /// character gets the slug <c>stack</c>.
    /// </summary>
    public static string MakeUnique(string name, Func<string, bool> isTaken)
    {
        var slug = Make(name);
        if (slug.Length == 0)
        {
            slug = "stack";
        }

        if (!isTaken(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = (slug.Length + suffix.Length <= MaxLength ? slug : slug[..(MaxLength - suffix.Length)]) + suffix;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    private static void AppendPlain(StringBuilder text, string element)
    {
        switch (element)
        {
            case "\"" or "'" or "\u2019":
                return;
            case "\u2013" or "\u2014":
                text.Append('-');
                return;
            case "&":
                text.Append("and");
                return;
            case "@":
                text.Append("at");
                return;
        }

        if (Transliterations.TryGetValue(element, out var ascii))
        {
            text.Append(ascii);
            return;
        }

        foreach (var c in element)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(Unaccented.GetValueOrDefault(c, c));
            }
        }
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';
            if (keep)
            {
                result.Append(c);
            }
            else if (result.Length > 0 && result[^1] != '-')
            {
                result.Append('-');
            }
        }

        return result.ToString().Trim('-', '_');
    }
}
