namespace Emulators.Spacelift;

/// <summary>How to start the Spacelift emulator.</summary>
public sealed partial record SpaceliftEmulatorOptions
{
    /// <summary>How many generated stacks the account starts with (see <see cref="Stacks.StackGenerator"/>).</summary>
    public int Stacks { get; init; } = 25;
    public string ApiKeyId { get; init; } = "01EMULATOREMULATOREMULATOR";
    public string ApiKeySecret { get; init; } = "emulator";
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(10);
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends run events to named webhooks; a shared client of the emulator's own when null.</summary>
    public HttpClient? WebhookClient { get; init; }

    /// <summary>Load named webhooks, policies and runs from this file at start and save them after changes.</summary>
    public string? StateFile { get; init; }

    /// <summary>Coalescing delay between a change and the state file write.</summary>
    public TimeSpan StateSaveDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
