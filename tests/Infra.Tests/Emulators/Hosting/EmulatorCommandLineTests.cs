using Emulators.Hosting;

namespace Infra.Tests.Emulators.Hosting;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void ParsesEveryFlag()
    {
        var options = EmulatorCommandLine.Parse([
            "--port-url", "http://127.0.0.1:5001", "--spacelift-url=http://localhost:5002", "--stacks", "450",
            "--latency-ms", "20", "--faults", "port:429=0.1", "--fault-seed", "7", "--state", "org.json",
            "--token-lifetime", "3600", "--port-client-id", "id", "--port-client-secret", "secret",
            "--spacelift-key-id", "KEY", "--spacelift-key-secret", "shh", "--slow-fault-ms", "250",
        ]);

        Assert.NotNull(options);
        Assert.Equal(new Uri("http://127.0.0.1:5001"), options.PortUrl);
        Assert.Equal(new Uri("http://localhost:5002"), options.SpaceliftUrl);
        Assert.Equal(450, options.Stacks);
        Assert.Equal(20, options.LatencyMs);
        Assert.Equal("port:429=0.1", options.Faults);
        Assert.Equal(7, options.FaultSeed);
        Assert.Equal("org.json", options.StateFile);
        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifetime);
        Assert.Equal(("id", "secret", "KEY", "shh"), (options.PortClientId, options.PortClientSecret, options.SpaceliftKeyId, options.SpaceliftKeySecret));
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.SlowFaultDelay);
    }

    [Fact]
    public void PortUsersAreRepeatableWithRoleMemberAndNoTeamsByDefault()
    {
        var options = EmulatorCommandLine.Parse(["--port-user", "alice@acme.test:Member:platform, sre", "--port-user=bob@acme.test", "--port-user", "carol@acme.test:Admin"]);

        Assert.NotNull(options);
        Assert.Equal(["alice@acme.test", "bob@acme.test", "carol@acme.test"], options.PortUsers.Select(u => u.Email));
        Assert.Equal(["platform", "sre"], options.PortUsers[0].Teams);
        Assert.Equal(("Member", "Admin"), (options.PortUsers[1].Role, options.PortUsers[2].Role));
        Assert.Empty(options.PortUsers[1].Teams);
    }

    [Fact]
    public void HelpReturnsNull()
    {
        Assert.Null(EmulatorCommandLine.Parse(["--stacks", "3", "--help"]));
    }

    [Theory]
    [InlineData("--frobnicate", "'--frobnicate'")]
    [InlineData("--stacks", "--stacks needs a value")]
    [InlineData("--stacks=-1", "'-1'")]
    [InlineData("--latency-ms=fast", "'fast'")]
    [InlineData("--port-url=http://192.168.1.10:80", "loopback")]
    [InlineData("--spacelift-url=https://127.0.0.1:1", "http://")]
    [InlineData("--faults=port:418=1", "'418'")]
    [InlineData("--port-user=alice", "EMAIL[:ROLE[:TEAMS]]")]
    [InlineData("--port-user=alice@acme.test:Owner", "the role is 'Owner'")]
    [InlineData("--port-user=admin@port-emulator.local", "already a member")]
    [InlineData("--port-user=a@x.io --port-user=A@x.io:Admin", "the user A@x.io is already a member")]
    public void BadFlagIsNamed(string arg, string named)
    {
        var error = Assert.Throws<EmulatorUsageException>(() => EmulatorCommandLine.Parse(arg.Split(' ')));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
