using Infra.Cli.Http;

namespace Infra.Tests.Http;

public sealed class RetryBudgetTests
{
    [Fact]
    public void GivesOutAtMostItsRetries()
    {
        var budget = new RetryBudget(3);

        var taken = Enumerable.Range(0, 10).Count(_ => budget.TryTake());

        Assert.Equal(3, taken);
        Assert.True(budget.Spent);
    }

    [Fact]
    public void TenAnsweredRequestsGiveOneRetryBackButNeverMoreThanTheStart()
    {
        var budget = new RetryBudget(1);
        Assert.True(budget.TryTake());

        for (var i = 0; i < 9; i++)
        {
            budget.Refund();
        }

        Assert.False(budget.TryTake());
        budget.Refund();
        Assert.True(budget.TryTake());
        for (var i = 0; i < 100; i++)
        {
            budget.Refund();
        }

        Assert.True(budget.TryTake());
        Assert.False(budget.TryTake());
    }
}
