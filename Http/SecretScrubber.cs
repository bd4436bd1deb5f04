using System.Collections.Concurrent;
using Infra.Model;

namespace Infra.Http;

/// <summary>
/// Replaces every known secret value (client secret, tokens, values being written) with
/// <see cref="Secret.Mask"/> in text that may reach a user: a server can echo what it was sent.
/// </summary>
internal sealed class SecretScrubber
{
    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);

    public void Add(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _values.TryAdd(value, 0);
        }
    }

    public string Scrub(string text, IEnumerable<string>? extra = null)
    {
        var values = extra is null ? _values.Keys : _values.Keys.Concat(extra.Where(v => !string.IsNullOrEmpty(v)));
        // Longest first, so a secret that contains another is masked whole.
        foreach (var value in values.Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Secret.Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
