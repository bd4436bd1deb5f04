namespace Infra.Cli.Shell.Settings;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
}
