namespace Infra.Cli.Shell;

/// <summary>The four operations the command line offers, as the user typed them.</summary>
public enum CliVerb
{
    Preview,
    Up,
    Destroy,
    Refresh,
}
