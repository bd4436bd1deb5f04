using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// <c>infra:catalogue</c> (<c>guide</c>, the default, or <c>full</c>) and <c>infra:runsPerStack</c> (tracked
/// runs kept per stack in the full catalogue, <see cref="Catalogue.DefaultRunsPerStack"/> by default). The
/// guide's is the default: it is the catalogue Port's Spacelift guide describes, identical to it, and costs
/// no read beyond the stacks and no entity beyond one per stack; the full one is one setting away.
/// </summary>
internal static class CatalogueConfig
{
    public const string Guide = "guide";
    public const string Full = "full";

    /// <summary>Null for the guide's catalogue.</summary>
    public static Catalogue? Read(IStackConfig config)
    {
        var key = $"{config.Project}:catalogue";
        var runsKey = $"{config.Project}:runsPerStack";
        var value = config.Get(key);
        var runs = config.GetInteger(runsKey);
        switch (value?.Text ?? Guide)
        {
            case Guide:
                return null;
            case Full:
                if (runs is { } n && n is < 1 or > Catalogue.MaxRunsPerStack)
                {
                    throw config.Invalid(runsKey, $"must be between 1 and {Catalogue.MaxRunsPerStack}, got '{n}'", config.Get(runsKey));
                }

                return new Catalogue((int)(runs ?? Catalogue.DefaultRunsPerStack));
            default:
                throw config.Invalid(key, $"is '{value!.Text}': it must be '{Guide}' (the guide's stacks only) or '{Full}' (spaces and runs too)", value);
        }
    }
}
