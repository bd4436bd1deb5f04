namespace Infra.Cli.Shell.Rendering.Text;

/// <param name="Diff">Property-level detail under each step (<c>--diff</c>).</param>
/// <param name="ShowSames">List unchanged resources too (<c>--show-sames</c>).</param>
/// <param name="EntityLimit">How many entity steps to list before summarising the rest.</param>
public sealed record TextOptions(bool Diff = false, bool ShowSames = false, int EntityLimit = TextOptions.DefaultEntityLimit)
{
    public const int DefaultEntityLimit = 50;
}
