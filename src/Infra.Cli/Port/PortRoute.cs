namespace Infra.Cli.Port;

/// <summary>
/// Where one kind lives in Port's REST API: POST to <paramref name="Collection"/> creates, one resource is
/// at <c>{Collection}/{id}</c> (or <c>{Collection}/{id}/{ItemSuffix}</c> for a part of another resource,
/// an action's permissions), answers wrap it in <paramref name="EnvelopeKey"/>, and an update is a PUT
/// (the whole body) or a PATCH (only the fields to change, without the identifier, which Port rejects there).
/// </summary>
internal sealed record PortRoute(string Collection, string EnvelopeKey, HttpMethod UpdateMethod, string? ItemSuffix = null);
