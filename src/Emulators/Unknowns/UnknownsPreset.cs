namespace Emulators.Unknowns;

/// <summary>All the switches at once (<c>--unknowns</c>).</summary>
public enum UnknownsPreset
{
    /// <summary>Every switch at its default: what the emulators did before the switches existed.</summary>
    Convenient,

    /// <summary>Every switch at its less convenient answer: the most a client must cope with.</summary>
    Inconvenient,
}
