using Grpc.Core;
using Infra.Cli.PulumiProtocol.Wire;

namespace FakePulumiEngine;

/// <summary>
/// The engine's package references (pulumi/pulumi <c>pkg/resource/deploy/source_eval.go</c>, <c>resmon.RegisterPackage</c>
/// and <c>lookupPackageRef</c>, at the commit in SOURCE.md):
/// <list type="bullet">
/// <item>an empty name is refused ("package name is empty"); a version, or a parameterization's version, that is
/// not strict semver is refused ("parse package version …", "parse parameter version …");</item>
/// <item>a request equal to one already registered in this run gets the same reference (the engine compares the
/// provider requests with <c>reflect.DeepEqual</c>; the RPC's comment promises idempotence); any other request gets
/// a fresh UUID;</item>
/// <item>a registration naming a reference never allocated is refused ("unknown provider package '…'").</item>
/// </list>
/// The engine's errors are plain Go errors, which gRPC sends as status Unknown with the error's text; the texts
/// here are the engine's up to the colon (after it the engine quotes the semver library's reason).
/// </summary>
public sealed class PackageRegistry
{
    private readonly List<RegisteredPackage> _packages = [];

    /// <summary>Every package allocated so far, in allocation order.</summary>
    public IReadOnlyList<RegisteredPackage> Packages
    {
        get
        {
            lock (_packages)
            {
                return [.. _packages];
            }
        }
    }

    internal string Register(RegisterPackageRequest request)
    {
        if (request.Name.Length == 0)
        {
            throw Refused("package name is empty");
        }

        if (request.Version.Length > 0 && !StrictSemver.IsValid(request.Version))
        {
            throw Refused($"parse package version {request.Version}: not a semver version");
        }

        var parameterization = request.Parameterization;
        if (parameterization is not null && !StrictSemver.IsValid(parameterization.Version))
        {
            throw Refused($"parse parameter version {parameterization.Version}: not a semver version");
        }

        var candidate = new RegisteredPackage(
            "",
            request.Name,
            request.Version,
            request.DownloadUrl.TrimEnd('/'),
            parameterization?.Name,
            parameterization?.Version,
            parameterization?.Value.ToByteArray());
        lock (_packages)
        {
            if (_packages.FirstOrDefault(p => p.SameRequest(candidate)) is { } known)
            {
                return known.Reference;
            }

            var allocated = candidate with { Reference = Guid.NewGuid().ToString() };
            _packages.Add(allocated);
            return allocated.Reference;
        }
    }

    /// <summary>The package a registration's <c>packageRef</c> names; refused as the engine refuses it when never allocated.</summary>
    public RegisteredPackage Lookup(string reference)
    {
        lock (_packages)
        {
            return _packages.FirstOrDefault(p => p.Reference == reference) ?? throw Refused($"unknown provider package '{reference}'");
        }
    }

    private static RpcException Refused(string message) => new(new Status(StatusCode.Unknown, message));
}
