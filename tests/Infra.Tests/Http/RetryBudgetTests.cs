using Infra.Cli.Http;

namespace Infra.Tests.Http;

public sealed class RetryBudgetTests
{
    [Fact]
    public void GivesOutAtMostItsRetriesWhileNothingAnswers()
    {
        var budget = new RetryBudget(3);

        var taken = Enumerable.Range(0, 10).Count(_ => budget.TryTake());

        Assert.Equal(3, taken);
        Assert.True(budget.Spent);
    }

    [Fact]
    public void AnAnswerGivesTheWholeBudgetBackSoAFlakyServiceKeepsBeingRetried()
    {
        var budget = new RetryBudget(3);
        for (var round = 0; round < 100; round++)
        {
            // Half of all attempts fail, as in the fault matrix at 50 %: never three in a row here.
            Assert.True(budget.TryTake());
            Assert.True(budget.TryTake());
            budget.Refund();
        }

        Assert.False(budget.Spent);
    }
}
