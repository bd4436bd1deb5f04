namespace Infra.Sdk.Port;

/// <summary>The Port organisation the executor writes to, as a program sees it.</summary>
public interface IPortOrganisation
{
    /// <summary>Port's API base URL (<c>https://api.getport.io/</c>), always ending in '/'.</summary>
    Uri BaseUrl { get; }
}
