namespace Infra.Cli.Config.Yaml;

/// <summary>One value under <c>config:</c>, as written in a file.</summary>
public abstract record StackFileValue
{
    private protected StackFileValue() { }
}

/// <summary>A scalar written in clear; YAML scalars are kept as their text, as Pulumi keeps config values.</summary>
public sealed record PlainValue(string Text) : StackFileValue;

/// <summary>A <c>{secure: v1:...}</c> value: the ciphertext of the passphrase provider.</summary>
public sealed record SecureValue(string Ciphertext) : StackFileValue;

/// <summary>A map or list value (Pulumi's object config); <see cref="Json"/> renders it with secrets masked.</summary>
public sealed record ObjectValue(string Json) : StackFileValue;
