namespace Infra.Sdk;

/// <summary>A message about the run, optionally tied to one resource (like Pulumi's Diagnostics section).</summary>
public sealed record Diagnostic(Severity Severity, string Message, ResourceAddress? Address = null)
{
    /// <summary>One a reviewer must not miss (a large deletion): reports put it first, above the changes.</summary>
    public bool Headline { get; init; }
}
