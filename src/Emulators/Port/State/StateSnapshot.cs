using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;
using Emulators.Port.Secrets;

namespace Emulators.Port.State;

/// <summary>
/// The organisation as a JSON document: blueprints, their entities, actions and the permissions changed
/// on them, secrets (values protected) and webhooks. Users and teams are not in it: they are the
/// emulator's options, given again at every start.
/// </summary>
internal static class StateSnapshot
{
    private const int Version = 1;

    /// <summary>Serialises under the organisation lock, straight to bytes (no intermediate copy of 20k entities).</summary>
    public static byte[] Write(Organisation organisation, SecretProtector protector)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            lock (organisation.Gate)
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", Version);
                writer.WriteStartArray("blueprints");
                foreach (var record in organisation.Blueprints.Values)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("definition");
                    record.Definition.WriteTo(writer);
                    writer.WriteStartArray("entities");
                    foreach (var entity in record.Entities.All)
                    {
                        entity.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("actions");
                foreach (var action in organisation.Actions.Values)
                {
                    action.WriteTo(writer);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("actionPermissions");
                foreach (var (identifier, permissions) in organisation.ActionPermissions)
                {
                    writer.WritePropertyName(identifier);
                    permissions.WriteTo(writer);
                }

                writer.WriteEndObject();
                writer.WriteStartArray("secrets");
                foreach (var secret in organisation.Secrets.Values)
                {
                    var metadata = secret.Metadata();
                    metadata["protectedValue"] = protector.Protect(secret.Value);
                    metadata.WriteTo(writer);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("webhooks");
                foreach (var webhook in organisation.Webhooks.Values)
                {
                    Webhooks.WebhookSecrets.Protect(webhook, protector).WriteTo(writer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The file is not a state file this emulator wrote.</exception>
    public static void Read(byte[] content, Organisation organisation, SecretProtector protector)
    {
        try
        {
            var root = JsonNode.Parse(content)?.AsObject() ?? throw new InvalidDataException("empty state file");
            if (root["version"]?.GetValue<int>() != Version)
            {
                throw new InvalidDataException($"unsupported state file version {root["version"]}");
            }

            foreach (var item in root["blueprints"]!.AsArray())
            {
                var definition = item!["definition"]!.AsObject();
                var record = new BlueprintRecord((JsonObject)definition.DeepClone());
                foreach (var entity in item["entities"]!.AsArray())
                {
                    record.Entities.Put(entity!["identifier"]!.GetValue<string>(), (JsonObject)entity.DeepClone());
                }

                organisation.Blueprints[definition["identifier"]!.GetValue<string>()] = record;
            }

            foreach (var action in root["actions"]!.AsArray())
            {
                organisation.Actions[action!["identifier"]!.GetValue<string>()] = (JsonObject)action.DeepClone();
            }

            // Absent from files written before permissions were kept.
            foreach (var (identifier, permissions) in root["actionPermissions"]?.AsObject() ?? [])
            {
                organisation.ActionPermissions[identifier] = (JsonObject)permissions!.DeepClone();
            }

            foreach (var secret in root["secrets"]!.AsArray())
            {
                var name = secret!["secretName"]!.GetValue<string>();
                organisation.Secrets[name] = new SecretRecord
                {
                    Name = name,
                    Value = protector.Unprotect(secret["protectedValue"]!.GetValue<string>()),
                    Description = secret["description"]?.GetValue<string>(),
                    CreatedAt = secret["createdAt"]!.GetValue<string>(),
                    CreatedBy = secret["createdBy"]!.GetValue<string>(),
                    UpdatedAt = secret["updatedAt"]!.GetValue<string>(),
                    UpdatedBy = secret["updatedBy"]!.GetValue<string>(),
                };
            }

            // Absent from files written before webhooks existed.
            foreach (var webhook in root["webhooks"]?.AsArray() ?? [])
            {
                organisation.Webhooks[webhook!["identifier"]!.GetValue<string>()] = Webhooks.WebhookSecrets.Unprotect(webhook.AsObject(), protector);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException
            or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidDataException($"not a readable Port emulator state file ({e.Message})", e);
        }
    }
}
