namespace Emulators.Spacelift;

/// <summary>How to start the Spacelift emulator.</summary>
public sealed record SpaceliftEmulatorOptions
{
    /// <summary>How many generated stacks the account starts with (see <see cref="Stacks.StackGenerator"/>).</summary>
    public int Stacks { get; init; } = 25;
    public string ApiKeyId { get; init; } = "01EMULATOREMULATOREMULATOR";
    public string ApiKeySecret { get; init; } = "emulator";
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(10);
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends run events to named webhooks; a shared client of the emulator's own when null.</summary>
    public HttpClient? WebhookClient { get; init; }
}
