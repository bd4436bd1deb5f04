namespace Infra.Cli.Settings;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
}
