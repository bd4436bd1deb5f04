using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Infra.Tests.Emulators.Port;

/// <summary>A minimal Kestrel app on 127.0.0.1 port 0.</summary>
internal static class LocalApp
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        configure(app);
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app)
    {
        var server = app.Services.GetService(typeof(IServer)) as IServer;
        var address = server!.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
