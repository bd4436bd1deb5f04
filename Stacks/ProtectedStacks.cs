namespace Infra.Stacks;

/// <summary>
/// Stacks that carry <paramref name="Label"/> in Spacelift (the entity's <c>label</c> property): only
/// members of <paramref name="Teams"/> may trigger them, and each run waits for an approval from a member
/// with one of <paramref name="ApproverRoles"/> or in one of <paramref name="ApproverTeams"/>, other than
/// the member who triggered it. Lists sorted and without duplicates.
/// </summary>
public sealed record ProtectedStacks(string Label, IReadOnlyList<string> Teams, IReadOnlyList<string> ApproverRoles, IReadOnlyList<string> ApproverTeams);
