using Infra.Cli.Config;

namespace Infra.Tests.Config;

/// <summary>A killed writer's temp file does not stay forever, and a live writer's is never touched.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AWriteRemovesItsFilesAbandonedTempFilesButNotARecentOneNorAnotherFiles()
    {
        var path = Path.Combine(_dir, "Pulumi.dev.yaml");
        var abandoned = Temp(path, DateTime.UtcNow - AtomicFile.AbandonedAfter - TimeSpan.FromMinutes(1));
        var recent = Temp(path, DateTime.UtcNow);
        var other = Temp(Path.Combine(_dir, "Pulumi.prod.yaml"), DateTime.UtcNow.AddDays(-1));
        var lookalike = Path.Combine(_dir, "Pulumi.dev.yaml.notes.tmp");
        File.WriteAllText(lookalike, "mine");

        AtomicFile.WriteAllText(path, "config: {}\n");

        Assert.Equal("config: {}\n", File.ReadAllText(path));
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(lookalike));
    }

    [Fact]
    public void AFailedWriteLeavesNoTempFile()
    {
        var path = Path.Combine(_dir, "dev.json");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException("disk full")));

        Assert.Empty(Directory.GetFiles(_dir));
    }

    private static string Temp(string path, DateTime writtenAt)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, []);
        File.SetLastWriteTimeUtc(temp, writtenAt);
        return temp;
    }
}
