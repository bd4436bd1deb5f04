using Infra.Cli.Config;

namespace Infra.Tests.Config;

internal static class ConfigAssert
{
    /// <summary>Asserts a one-line <see cref="ConfigException"/> with exit code 2 whose message holds every fragment.</summary>
    public static ConfigException Fails(Action action, params string[] fragments)
    {
        var error = Assert.Throws<ConfigException>(action);
        Assert.Equal(2, error.ExitCode);
        Assert.DoesNotContain('\n', error.Message);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        return error;
    }
}
