using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// Fills a declared body's <see cref="DesiredResource.References"/>, for both executors: from the source's
/// body as its service holds it when the source exists, else <see cref="OutputReference.Unknown"/> (in its
/// <see cref="OutputReference.Template"/>, when it has one).
/// </summary>
public static class OutputReferences
{
    /// <param name="output">The source's field as its service holds it now (null: not known yet).</param>
    public static JsonObject Resolve(DesiredResource resource, Func<OutputReference, string?> output)
    {
        if (resource.References.Count == 0)
        {
            return resource.Body;
        }

        var body = resource.Body.DeepClone().AsObject();
        foreach (var reference in resource.References)
        {
            body[reference.Field] = reference.Fill(output(reference) is { Length: > 0 } value ? value : OutputReference.Unknown);
        }

        return body;
    }

    /// <summary>Whether a resolved body still waits on a source that does not exist yet.</summary>
    public static bool HasUnknowns(DesiredResource resource, JsonObject resolved)
        => resource.References.Any(r => IsUnknown(r, resolved));

    /// <summary>Whether <paramref name="reference"/>'s field of <paramref name="resolved"/> is still the unknown value.</summary>
    public static bool IsUnknown(OutputReference reference, JsonObject resolved)
        => resolved[reference.Field] is JsonValue v && v.TryGetValue<string>(out var text) && text == reference.Fill(OutputReference.Unknown);
}
