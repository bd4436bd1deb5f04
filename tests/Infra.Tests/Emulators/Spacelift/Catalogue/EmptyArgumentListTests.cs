using Emulators.Spacelift.Graph;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>Empty argument lists go, as Spacelift's parser ignores them; literals and comments stay exactly as written.</summary>
public sealed class EmptyArgumentListTests
{
    [Theory]
    [InlineData("{spaces(){id}}", "{spaces{id}}")]
    [InlineData("{spaces( , ){id} stacks(\n){id}}", "{spaces{id} stacks{id}}")]
    [InlineData("query($id:ID!){space(id: $id){id}}", "query($id:ID!){space(id: $id){id}}")]
    [InlineData("{a(x: \"()\"){id}}", "{a(x: \"()\"){id}}")]
    [InlineData("{a(x: \"\\\"()\"){id}}", "{a(x: \"\\\"()\"){id}}")]
    [InlineData("{a(x: \"\"\"b() \\\"\"\" ()\"\"\"){id}}", "{a(x: \"\"\"b() \\\"\"\" ()\"\"\"){id}}")]
    [InlineData("# spaces()\n{spaces(){id}}", "# spaces()\n{spaces{id}}")]
    public void RemovesOnlyEmptyLists(string document, string expected) => Assert.Equal(expected, EmptyArgumentLists.Strip(document));

    [Fact]
    public void NullStaysNull() => Assert.Null(EmptyArgumentLists.Strip(null));
}
