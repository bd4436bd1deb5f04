using Infra.Cli.Http;

namespace Infra.Tests.Http;

/// <summary>One token fetch at a time, shared by every caller waiting for it, failure included.</summary>
public sealed class TokenCacheTests
{
    [Fact]
    public async Task AFailedFetchIsSharedByEveryCallerThatWaitedForIt()
    {
        var fetches = 0;
        var release = new TaskCompletionSource();
        var cache = new TokenCache<string>(
            async _ =>
            {
                Interlocked.Increment(ref fetches);
                await release.Task;
                throw new InvalidOperationException("Port is down");
            },
            _ => DateTimeOffset.MaxValue,
            TimeProvider.System);

        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        release.SetResult();

        foreach (var caller in callers)
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => caller);
            Assert.Equal("Port is down", e.Message);
        }

        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task AFetchThatSucceedsIsSharedAndAFreshTokenIsNotFetchedAgain()
    {
        var fetches = 0;
        var release = new TaskCompletionSource();
        var cache = new TokenCache<string>(
            async _ =>
            {
                var n = Interlocked.Increment(ref fetches);
                await release.Task;
                return $"token-{n}";
            },
            _ => DateTimeOffset.MaxValue,
            TimeProvider.System);

        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), token => Assert.Equal("token-1", token));
        Assert.Equal("token-1", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task ACallerArrivingAfterAFailureTriesAgain()
    {
        var fetches = 0;
        var cache = new TokenCache<string>(
            _ => Interlocked.Increment(ref fetches) == 1 ? throw new InvalidOperationException("blip") : Task.FromResult("token"),
            _ => DateTimeOffset.MaxValue,
            TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(CancellationToken.None));

        Assert.Equal("token", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task RenewingARefusedTokenWhileAnotherCallerRenewsItJoinsThatFetch()
    {
        var fetches = 0;
        var release = new TaskCompletionSource();
        var cache = new TokenCache<string>(
            async _ =>
            {
                var n = Interlocked.Increment(ref fetches);
                if (n > 1)
                {
                    await release.Task;
                }

                return $"token-{n}";
            },
            _ => DateTimeOffset.MaxValue,
            TimeProvider.System);
        var first = await cache.GetAsync(CancellationToken.None);

        var renewals = Enumerable.Range(0, 4).Select(_ => cache.RenewAsync(first, CancellationToken.None)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(renewals), token => Assert.Equal("token-2", token));
        Assert.Equal(2, fetches);
    }
}
