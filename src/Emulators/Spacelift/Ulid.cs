using System.Security.Cryptography;

namespace Emulators.Spacelift;

/// <summary>
/// Spacelift's identifier format (runs, API keys, space suffixes, JWT <c>jti</c>): 26 Crockford base-32
/// characters, a 48-bit millisecond timestamp followed by 80 random bits.
/// </summary>
public static class Ulid
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset time)
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        return Create(time, random);
    }

    /// <summary>A reproducible ULID: the generator derives <paramref name="random"/> from a seed.</summary>
    public static string Create(DateTimeOffset time, ReadOnlySpan<byte> random)
    {
        if (random.Length != 10)
        {
            throw new ArgumentException("A ULID carries exactly 10 random bytes.", nameof(random));
        }

        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)time.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        random.CopyTo(bytes[6..]);
        return Encode(bytes);
    }

    public static bool IsValid(string? value)
        => value is { Length: 26 } && value[0] <= '7' && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits as 26 characters of 5 bits: the first character holds the top 3 bits.
        var high = ((UInt128)ToUInt64(bytes[..8]) << 64) | ToUInt64(bytes[8..]);
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(high & 31)];
            high >>= 5;
        }

        return new string(chars);
    }

    private static ulong ToUInt64(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
