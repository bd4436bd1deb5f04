using Emulators.Spacelift.Graph;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>The empty argument lists Spacelift parses (the Terraform provider's <c>policies()</c>) are dropped; nothing else changes.</summary>
public sealed class EmptyArgumentListTests
{
    [Theory]
    [InlineData("{policies(){id}}", "{policies{id}}")]
    [InlineData("query { policies( , ) { id } }", "query { policies { id } }")]
    [InlineData("{stack(id: \"()\"){id}}", "{stack(id: \"()\"){id}}")]
    [InlineData("# policies()\n{viewer{id}}", "# policies()\n{viewer{id}}")]
    [InlineData("{a: stack(id: \"\"\"x()\"\"\"){id}}", "{a: stack(id: \"\"\"x()\"\"\"){id}}")]
    [InlineData("{stack(id: $id){id}}", "{stack(id: $id){id}}")]
    public void OnlyEmptyListsAfterANameAreDropped(string document, string expected)
        => Assert.Equal(expected, EmptyArgumentLists.Strip(document));
}
