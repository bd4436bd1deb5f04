using Emulators.Spacelift.Spaces;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>The space tree's rules: parents exist, only empty spaces go, inheritance reaches up through inheriting spaces.</summary>
public sealed class SpaceStoreTests
{
    private static SpaceStore Tree(out string parent, out string child, out string isolated)
    {
        var store = new SpaceStore();
        parent = store.Add(new EmulatedSpace { Id = "platform-1", Name = "platform", ParentSpace = "root" }).Id;
        child = store.Add(new EmulatedSpace { Id = "team-2", Name = "team", ParentSpace = parent }).Id;
        isolated = store.Add(new EmulatedSpace { Id = "isolated-3", Name = "isolated", ParentSpace = child, InheritEntities = false }).Id;
        return store;
    }

    [Fact]
    public void RootAndLegacyAlwaysExistAndCannotBeDeleted()
    {
        var store = new SpaceStore();

        Assert.Equal(["root", "legacy"], store.All().Select(s => s.Id));
        Assert.Throws<InvalidOperationException>(() => store.Remove("root", _ => false));
        Assert.Throws<InvalidOperationException>(() => store.Remove("legacy", _ => false));
    }

    [Fact]
    public void ASpaceNeedsAnExistingParentAndCannotMoveBelowItself()
    {
        var store = Tree(out var parent, out var child, out _);

        Assert.Throws<InvalidOperationException>(() => store.Add(new EmulatedSpace { Id = "orphan", Name = "orphan", ParentSpace = "nowhere" }));
        Assert.Throws<InvalidOperationException>(() => store.Update(parent, s => s with { ParentSpace = child }));
        Assert.Equal("legacy", store.Update(child, s => s with { ParentSpace = "legacy" }).ParentSpace);
    }

    [Fact]
    public void OnlyEmptySpacesAreRemoved()
    {
        var store = Tree(out var parent, out var child, out var isolated);

        Assert.Throws<InvalidOperationException>(() => store.Remove(parent, _ => false));
        Assert.Throws<InvalidOperationException>(() => store.Remove(isolated, id => id == isolated));
        Assert.True(store.Remove(isolated, _ => false));
        Assert.True(store.Remove(child, _ => false));
        Assert.False(store.Remove(child, _ => false));
    }

    [Fact]
    public void ResourcesReachDownThroughInheritingSpacesOnly()
    {
        var store = Tree(out var parent, out var child, out var isolated);

        Assert.True(store.Reaches("root", child));
        Assert.True(store.Reaches(parent, child));
        Assert.True(store.Reaches(isolated, isolated));
        Assert.False(store.Reaches(child, isolated));
        Assert.False(store.Reaches("root", isolated));
        Assert.False(store.Reaches("root", "legacy"));
        Assert.False(store.Reaches(child, parent));
    }
}
