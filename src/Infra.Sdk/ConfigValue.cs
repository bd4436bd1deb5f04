namespace Infra.Sdk;

/// <summary>
/// A configuration value: its text; whether it is confidential (a <c>secure:</c> value, never quoted back);
/// and where it came from, as messages say it (<c> (set by INFRA_BLUEPRINT)</c>, or empty for the stack file).
/// </summary>
public sealed record ConfigValue(string Text, bool Confidential, string Source);
