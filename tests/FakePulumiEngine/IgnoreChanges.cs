using System.Text.Json.Nodes;

namespace FakePulumiEngine;

/// <summary>
/// Pulumi's ignoreChanges rule (pulumi/pulumi <c>pkg/resource/deploy/step_generator.go</c>
/// <c>processIgnoreChanges</c> and <c>sdk/go/common/resource/properties_path.go</c> <c>PropertyPath.reset</c>),
/// applied before the provider's Check when the resource is in state: for each ignored path, the new
/// inputs take the old value if the state has one, and lose the key if it has not. With no state (a
/// create) nothing is ignored. Paths are top-level names or dotted object paths.
/// </summary>
public static class IgnoreChanges
{
    public static JsonObject Apply(JsonObject? old, JsonObject inputs, IEnumerable<string> paths)
    {
        if (old is null)
        {
            return inputs;
        }

        foreach (var path in paths)
        {
            var segments = path.Split('.');
            JsonObject? from = old;
            JsonObject? to = inputs;
            for (var i = 0; i < segments.Length - 1 && from is not null && to is not null; i++)
            {
                from = from[segments[i]] as JsonObject;
                to = to[segments[i]] as JsonObject;
            }

            if (to is null)
            {
                continue;
            }

            var leaf = segments[^1];
            if (from is not null && from.TryGetPropertyValue(leaf, out var kept))
            {
                to[leaf] = kept?.DeepClone();
            }
            else
            {
                to.Remove(leaf);
            }
        }

        return inputs;
    }
}
