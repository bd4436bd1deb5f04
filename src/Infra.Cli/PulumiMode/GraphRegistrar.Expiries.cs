using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Cli.Decisions;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// Entities with fields set from a minted secret's expiry (<see cref="DesiredResource.Expiries"/>): registered
/// after the secret, with the expiry it was just minted with, or the one recorded with the value it keeps. A
/// preview that would mint registers those fields as unknown. A kept value's fields are registered with
/// <c>ignoreChanges</c>: what keeps renewing the value in Port (an automation) moves them as well, and the
/// engine, which diffs against its own state rather than against Port, would otherwise plan to write back the
/// times Port already holds, as the kept secret itself is registered.
/// </summary>
internal sealed partial class GraphRegistrar
{
    // The expiries of the values minted in this run.
    private readonly ConcurrentDictionary<ResourceAddress, DateTimeOffset> _mintedNow = new();

    private async Task RegisterWithExpiriesAsync(DesiredResource entity, JsonObject? existing, EntitySet set, CancellationToken cancellationToken)
    {
        foreach (var reference in entity.Expiries)
        {
            if (_mintedNow.TryGetValue(reference.Source, out var until) && ExpiryReferences.TooSoon(reference, until, now) is { } problem)
            {
                await run.LogAsync(EngineLogLevel.Error, masker.MaskText($"{entity.Address}: {problem}; it is not registered"), cancellationToken);
                return;
            }
        }

        var resolved = entity with { Body = ExpiryReferences.Resolve(entity, KnownExpiry, existing) };
        var renderer = ProviderInputs.For(entity.Address.Kind)!;
        var inputs = renderer.Render(resolved.Body, entity.Address);
        var ignored = new List<string>();
        foreach (var reference in entity.Expiries)
        {
            var path = renderer.InputPath(resolved.Body, reference.Path)
                ?? throw new PulumiModeException($"{entity.Address}: {reference.Field} does not map to one provider input, so it cannot be set from {reference.Source.Id}'s expiry");
            if (ExpiryReferences.Read(resolved.Body, reference.Path) != OutputReference.Unknown)
            {
                if (!_mintedNow.ContainsKey(reference.Source))
                {
                    ignored.Add(PropertyPath(path));
                }

                continue;
            }

            if (!run.DryRun)
            {
                await run.LogAsync(EngineLogLevel.Error, $"{entity.Address}: {reference.Source.Id} has no recorded expiry and was not minted, so {reference.Field} cannot be set; it is not registered", cancellationToken);
                return;
            }

            // The engine's unknown at the field's own place, so a preview shows that one field as unknown.
            ExpiryReferences.Set(inputs, path, PropertySignatures.Unknown);
        }

        _entities.AddOrUpdate(entity.Address.Blueprint!, 1, (_, n) => n + 1);
        await run.RegisterAsync(resolved, inputs, Urns(Dependencies.Of(resolved, set)), cancellationToken, ignoreChanges: ignored.Count == 0 ? null : ignored);
    }

    /// <summary>The expiry a source's value will have once registered: minted now, or recorded with the value kept; null when not known yet.</summary>
    private DateTimeOffset? KnownExpiry(ResourceAddress source)
    {
        if (_mintedNow.TryGetValue(source, out var minted))
        {
            return minted;
        }

        return _expiries.TryGetValue(source, out var recorded) && recorded is { Length: > 0 }
            && DateTimeOffset.TryParse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;
    }

    /// <summary>
    /// A Pulumi property path (the form of <c>ignoreChanges</c>; grammar in pulumi/pulumi
    /// <c>sdk/go/common/resource/properties_path.go</c> at 02327a0, <c>ParsePropertyPath</c>): names joined by
    /// '.', a name that is not a plain one (<c>[a-zA-Z_$][a-zA-Z0-9_$]*</c>) as <c>["…"]</c> with its quotes escaped.
    /// </summary>
    public static string PropertyPath(IReadOnlyList<string> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var name in path)
        {
            if (PlainName().IsMatch(name))
            {
                text.Append(text.Length == 0 ? "" : ".").Append(name);
            }
            else
            {
                text.Append("[\"").Append(name.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
