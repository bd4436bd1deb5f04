using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Engine.Contract;

/// <summary>
/// One step of a plan. <see cref="Old"/> is the live body (as read from Port, server-side fields
/// removed), <see cref="New"/> the desired body; both are masked. <see cref="Reason"/> says why a
/// step exists when the diff alone does not (for example "token expires in 40m, inside the 2h window").
/// </summary>
public sealed record ResourceChange(
    ResourceAddress Address,
    ChangeKind Kind,
    IReadOnlyList<PropertyDiff> Diffs,
    JsonObject? Old,
    JsonObject? New,
    string? Reason = null);
