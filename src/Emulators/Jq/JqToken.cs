namespace Emulators.Jq;

internal enum JqTokenKind
{
    Dot,
    Field,
    String,
    Number,
    Keyword,
    Symbol,
    End,
}

/// <summary>One lexical unit; <see cref="Position"/> is the offset used in error messages.</summary>
internal readonly record struct JqToken(JqTokenKind Kind, string Text, int Position);
