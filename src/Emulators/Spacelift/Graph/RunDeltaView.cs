using Emulators.Spacelift.Runs;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// <c>Run.delta</c>: the count fields spacectl's run list reads (<c>addCount</c>, <c>changeCount</c>,
/// <c>deleteCount</c>, <c>resources</c>) and the other counts flows-app-spacelift's "Get run" block declares
/// (imports, moves, forgets and Ansible's task counts), which the emulator's runs never have.
/// </summary>
internal sealed class RunDeltaView(RunDelta delta)
{
    public int AddCount => delta.Added;
    public int ChangeCount => delta.Changed;
    public int DeleteCount => delta.Deleted;
    public int Resources => delta.Resources;
    public int ImportCount => 0;
    public int MoveCount => 0;
    public int ForgetCount => 0;
    public int OkCount => 0;
    public int SkipCount => 0;
    public int RescueCount => 0;
    public int IgnoreCount => 0;
    public int UnreachableCount => 0;
    public int FailedCount => 0;
}

/// <summary>A run comment (spacectl's run list reads <c>comments {body, createdAt, username}</c>); the emulator's runs have none.</summary>
internal sealed record RunCommentView(string Body, long CreatedAt, string Username);
