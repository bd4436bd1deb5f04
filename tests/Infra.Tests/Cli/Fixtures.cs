using System.Text.Json.Nodes;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Cli;

/// <summary>Fixed plans and results the renderers and the command line are pinned against.</summary>
internal static class Fixtures
{
    public const string Project = "infra";
    public const string Stack = "dev";

    public static Plan SmallPlan() => new(Project, Stack,
    [
        new ResourceChange(Address(ResourceKind.Blueprint, "space_lift_stack"), ChangeKind.Create, [], null,
            Json("""{"identifier":"space_lift_stack","title":"SpaceLift Stack","icon":"IaC","schema":{"properties":{"state":{"type":"string"}},"required":[]}}""")),
        new ResourceChange(Address(ResourceKind.Secret, "SPACELIFT_API_KEY_SECRET"), ChangeKind.Update,
            [new PropertyDiff("value", DiffKind.Update, Secret.Mask, Secret.Mask)],
            Json("""{"secretName":"SPACELIFT_API_KEY_SECRET","value":"[secret]"}"""),
            Json("""{"secretName":"SPACELIFT_API_KEY_SECRET","value":"[secret]"}"""),
            "the value's fingerprint differs"),
        new ResourceChange(Address(ResourceKind.Secret, "SPACELIFT_TOKEN"), ChangeKind.Update,
            [new PropertyDiff("value", DiffKind.Update, Secret.Mask, Secret.Mask)], null, null,
            "will re-mint: expires in 40m, inside the 2h window"),
        new ResourceChange(Address(ResourceKind.Action, "trigger_spacelift_stack"), ChangeKind.Update,
            [
                new PropertyDiff("title", DiffKind.Update, "Trigger stack", "Trigger Spacelift stack"),
                new PropertyDiff("invocationMethod.url", DiffKind.Update, "https://old.app.spacelift.io/graphql", "https://acme.app.spacelift.io/graphql"),
                new PropertyDiff("description", DiffKind.Add, null, "Runs a tracked Spacelift run"),
                new PropertyDiff("icon", DiffKind.Delete, "Spacelift", null),
            ], null, null),
        new ResourceChange(Address(ResourceKind.Automation, "spacelift_token_refresh_sync"), ChangeKind.Same, [], null, null),
        new ResourceChange(Address(ResourceKind.Entity, "stack-a"), ChangeKind.Create, [], null,
            Json("""{"identifier":"stack-a","title":"Stack A","properties":{"state":"FINISHED","label":["infra","prod"]},"relations":{}}""")),
        new ResourceChange(Address(ResourceKind.Entity, "stack-b"), ChangeKind.Update,
            [new PropertyDiff("properties.state", DiffKind.Update, "FINISHED", "FAILED")], null, null),
        new ResourceChange(Address(ResourceKind.Entity, "stack-gone"), ChangeKind.Delete, [],
            Json("""{"identifier":"stack-gone","title":"Gone"}"""), null),
        new ResourceChange(Address(ResourceKind.Entity, "stack-c"), ChangeKind.Same, [], null, null),
    ],
    [
        new Diagnostic(Severity.Warning, "Spacelift stack 'bad id!' skipped: its id does not match Port's identifier pattern"),
    ]);

    /// <summary>The small plan applied: everything succeeded except the update of stack-b.</summary>
    public static ApplyResult SmallResult(Plan plan) => new(
        plan,
        [.. plan.Changes.Where(c => c.Kind != ChangeKind.Same).Select(c => c.Address.Id == "stack-b"
            ? new StepResult(c, StepOutcome.Failed, "422 property 'state' must be one of the enum values")
            : new StepResult(c, StepOutcome.Succeeded))],
        [],
        TimeSpan.FromSeconds(83.2));

    public static Plan NoChanges() => new(Project, Stack,
    [
        new ResourceChange(Address(ResourceKind.Blueprint, "space_lift_stack"), ChangeKind.Same, [], null, null),
        new ResourceChange(Address(ResourceKind.Entity, "stack-a"), ChangeKind.Same, [], null, null),
    ], []);

    /// <summary>Every stack is new: 3,000 entity creates with a long description each.</summary>
    public static Plan ManyEntities(int count = 3000) => new(Project, Stack,
    [
        new ResourceChange(Address(ResourceKind.Blueprint, "space_lift_stack"), ChangeKind.Update,
            [new PropertyDiff("title", DiffKind.Update, "Stacks", "SpaceLift Stack")], null, null),
        .. Enumerable.Range(0, count).Select(i => new ResourceChange(
            Address(ResourceKind.Entity, $"stack-{i:D4}"), ChangeKind.Create, [], null,
            new JsonObject
            {
                ["identifier"] = $"stack-{i:D4}",
                ["title"] = $"Stack {i}",
                ["properties"] = new JsonObject { ["description"] = new string('x', 300), ["state"] = "FINISHED" },
            })),
    ], []);

    public static Plan WithDiagnostic(Plan plan, Diagnostic diagnostic) => plan with { Diagnostics = [.. plan.Diagnostics, diagnostic] };

    public static ResourceAddress Address(ResourceKind kind, string id) => new(kind, id);

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
