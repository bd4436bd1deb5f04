namespace Infra.Sdk.Port;

/// <summary>The Port organisation the executor writes to, as a program sees it.</summary>
public interface IPortOrganisation
{
    /// <summary>Port's API base URL (<c>https://api.getport.io/</c>), always ending in '/'.</summary>
    Uri BaseUrl { get; }

    /// <summary>
    /// The identifiers of the teams named <paramref name="names"/> (names as Port's UI shows them), which is what
    /// an entity's <c>team</c> and the <c>$team</c> of a search hold. A name Port does not know is left out of
    /// the answer. A refused credential or a failed read is thrown.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> TeamIdentifiersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);
}
