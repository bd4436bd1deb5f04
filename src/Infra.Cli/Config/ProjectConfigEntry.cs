using Infra.Cli.Config.Yaml;

namespace Infra.Cli.Config;

/// <summary>
/// One entry of Pulumi.yaml's <c>config:</c> block. Keys of the project's namespace may declare a
/// <see cref="Type"/> and a <see cref="Default"/>; keys of other namespaces carry a <see cref="Value"/>
/// that applies to every stack unless the stack sets its own.
/// </summary>
internal sealed record ProjectConfigEntry(string? Type, StackFileValue? Default, StackFileValue? Value);
