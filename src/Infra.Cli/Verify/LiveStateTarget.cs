namespace Infra.Cli.Verify;

/// <summary>With live updates on: the blueprint whose entity must follow the run, and the Port webhook that updates it.</summary>
public sealed record LiveStateTarget(string Blueprint, string Webhook);
