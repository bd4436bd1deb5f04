using Emulators.Spacelift.Auth;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// Resolvers of <see cref="CatalogueSdl"/>: spaces (all of them for the emulator's admin keys; none without a
/// valid token, as for stacks) and a stack's run lists, newest first, paged by <c>before</c> (the id of the
/// last run of the previous page, as spacectl's <c>fetchRuns</c> passes it).
/// </summary>
internal static class CatalogueResolvers
{
    private const string RunListsKey = "catalogue.runLists";

    public static void ConfigureQuery(TypeConfig query, SpaceliftEmulator emulator)
    {
        query.FieldFor("spaces").Resolver = Resolve(ctx =>
        {
            if (CallerOf(ctx) is null)
            {
                return Array.Empty<SpaceView>();
            }

            var spaces = emulator.Spaces.All().Select(SpaceView.Of);
            return (emulator.Options.SpacesChildrenFirst ? spaces.Reverse() : spaces).ToArray();
        });
        query.FieldFor("space").Resolver = Resolve(ctx =>
            CallerOf(ctx) is not null && emulator.Spaces.Find(ctx.GetArgument<string>("id")) is { } space ? SpaceView.Of(space) : null);
    }

    /// <summary>Spacelift lists tracked (and task/destroy) runs under <c>runs</c> and proposed ones under <c>proposedRuns</c>.</summary>
    public static void ConfigureStack(TypeConfig stack, SpaceliftEmulator emulator)
    {
        stack.FieldFor("runs").Resolver = Resolve(ctx => RunsOf(ctx, emulator, proposed: false));
        stack.FieldFor("proposedRuns").Resolver = Resolve(ctx => RunsOf(ctx, emulator, proposed: true));
    }

    private static RunView[] RunsOf(IResolveFieldContext ctx, SpaceliftEmulator emulator, bool proposed)
    {
        CountRunList(ctx, emulator.Options.MaxRunListsPerRequest);
        var before = ctx.GetArgument<string?>("before");
        return [.. emulator.Runs.ForStack(((StackView)ctx.Source!).Id)
            .Where(r => (r.Type == "PROPOSED") == proposed)
            .SkipWhile(r => before is not null && r.Id != before)
            .Skip(before is null ? 0 : 1)
            .Take(emulator.Options.RunsPageSize)
            .Select(r => new RunView(r, emulator))];
    }

    /// <summary>Plays a query cost limit when one is configured: too many stacks' run lists in one request fail the field.</summary>
    private static void CountRunList(IResolveFieldContext ctx, int? limit)
    {
        if (limit is not { } max || ctx.UserContext is not SpaceliftRequestContext request)
        {
            return;
        }

        lock (request)
        {
            var count = (request.TryGetValue(RunListsKey, out var seen) && seen is int n ? n : 0) + 1;
            request[RunListsKey] = count;
            if (count > max)
            {
                throw new ExecutionError($"query too complex: run lists of at most {max} stacks per request");
            }
        }
    }

    private static Caller? CallerOf(IResolveFieldContext ctx) => (ctx.UserContext as SpaceliftRequestContext)?.Caller;

    private static FuncFieldResolver<object?> Resolve(Func<IResolveFieldContext, object?> resolve) => new(resolve);
}
