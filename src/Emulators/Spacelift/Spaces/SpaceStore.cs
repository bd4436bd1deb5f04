namespace Emulators.Spacelift.Spaces;

/// <summary>
/// The account's spaces in creation order. <c>root</c> and <c>legacy</c> always exist (Spacelift's
/// concepts/spaces/README.md: an account starts with both) and cannot be removed; every other space has
/// a parent that exists. Thread-safe; tests add, change and remove spaces while clients read.
/// </summary>
public sealed class SpaceStore
{
    public const string Root = "root";
    public const string Legacy = "legacy";

    private readonly Lock _gate = new();
    private readonly List<EmulatedSpace> _spaces = [];

    public SpaceStore()
    {
        _spaces.Add(new EmulatedSpace { Id = Root, Name = Root, Description = "The root space", ParentSpace = null, InheritEntities = false });

        // Spacelift documents legacy only as kept for backward compatibility; the emulator has always put
        // it under root without inheritance, so root's notification policies do not reach its stacks.
        _spaces.Add(new EmulatedSpace { Id = Legacy, Name = Legacy, Description = "The legacy space", ParentSpace = Root, InheritEntities = false });
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spaces.Count;
            }
        }
    }

    /// <summary>Every space, <c>root</c> and <c>legacy</c> first, then in creation order (parents before children).</summary>
    public IReadOnlyList<EmulatedSpace> All()
    {
        lock (_gate)
        {
            return _spaces.ToArray();
        }
    }

    public EmulatedSpace? Find(string id)
    {
        lock (_gate)
        {
            return _spaces.Find(s => s.Id == id);
        }
    }

    public bool Contains(string id) => Find(id) is not null;

    /// <exception cref="InvalidOperationException">The id is taken, or the parent does not exist.</exception>
    public EmulatedSpace Add(EmulatedSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        lock (_gate)
        {
            if (_spaces.Exists(s => s.Id == space.Id))
            {
                throw new InvalidOperationException($"A space with id '{space.Id}' already exists.");
            }

            if (space.ParentSpace is not { } parent || !_spaces.Exists(s => s.Id == parent))
            {
                throw new InvalidOperationException($"Space '{space.Id}' needs an existing parent space (got '{space.ParentSpace}').");
            }

            _spaces.Add(space);
            return space;
        }
    }

    /// <summary>Replaces a space; its id is immutable and its new parent must exist and not be itself or below it.</summary>
    public EmulatedSpace Update(string id, Func<EmulatedSpace, EmulatedSpace> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var index = _spaces.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No space with id '{id}'.");
            }

            var changed = change(_spaces[index]);
            if (changed.Id != id)
            {
                throw new InvalidOperationException($"A space id is immutable ('{id}' cannot become '{changed.Id}').");
            }

            if (id is not Root && (changed.ParentSpace is not { } parent || !_spaces.Exists(s => s.Id == parent) || IsWithin(parent, id)))
            {
                throw new InvalidOperationException($"Space '{id}' cannot have '{changed.ParentSpace}' as its parent.");
            }

            _spaces[index] = changed;
            return changed;
        }
    }

    /// <summary>
    /// Removes an empty space. Spacelift deletes only empty spaces, never <c>root</c> or <c>legacy</c>
    /// (concepts/spaces/creating-a-space.md); <paramref name="holdsSomething"/> tells whether stacks or
    /// other resources are still in it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The space is root or legacy, has child spaces, or still holds something.</exception>
    public bool Remove(string id, Func<string, bool> holdsSomething)
    {
        ArgumentNullException.ThrowIfNull(holdsSomething);
        lock (_gate)
        {
            if (id is Root or Legacy)
            {
                throw new InvalidOperationException($"The {id} space cannot be deleted.");
            }

            var index = _spaces.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                return false;
            }

            if (_spaces.Exists(s => s.ParentSpace == id) || holdsSomething(id))
            {
                throw new InvalidOperationException($"Space '{id}' is not empty.");
            }

            _spaces.RemoveAt(index);
            return true;
        }
    }

    /// <summary>
    /// Whether a resource in <paramref name="ownerSpace"/> reaches <paramref name="space"/>: the same space,
    /// or an ancestor reached through spaces that all inherit ("if a space inherits from a parent and its
    /// parent inherits from the grandparent, then the space inherits from the grandparent as well",
    /// concepts/spaces/access-control.md).
    /// </summary>
    public bool Reaches(string ownerSpace, string space)
    {
        lock (_gate)
        {
            var current = space;
            for (var hops = 0; hops <= _spaces.Count; hops++)
            {
                if (current == ownerSpace)
                {
                    return true;
                }

                var node = _spaces.Find(s => s.Id == current);
                if (node is null || !node.InheritEntities || node.ParentSpace is not { } parent)
                {
                    return false;
                }

                current = parent;
            }

            return false;
        }
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="ancestor"/> or below it. Called under the lock.</summary>
    private bool IsWithin(string candidate, string ancestor)
    {
        var current = candidate;
        for (var hops = 0; hops <= _spaces.Count && current is not null; hops++)
        {
            if (current == ancestor)
            {
                return true;
            }

            current = _spaces.Find(s => s.Id == current)?.ParentSpace;
        }

        return false;
    }
}
