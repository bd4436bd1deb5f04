using Emulators.Spacelift.Auth;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Search;
using Emulators.Spacelift.Stacks;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// Builds the executable schema: the SDL of <see cref="SpaceliftSdl"/> with resolvers for the root
/// fields and the fields that take arguments; every other field reads the view property of its name.
/// Queries without a valid token see an empty account; mutations without one fail with <c>unauthorized</c>.
/// </summary>
internal static class SpaceliftSchemaFactory
{
    public static ISchema Create(SpaceliftEmulator emulator)
    {
        var schema = GraphQL.Types.Schema.For(SpaceliftSdl.Text + ClientDocumentSdl.Text + CatalogueSdl.Text, builder =>
        {
            ClientDocumentResolvers.Configure(builder.Types, emulator);
            ConfigureQuery(builder.Types.For("Query"), emulator);
            CatalogueResolvers.ConfigureQuery(builder.Types.For("Query"), emulator);
            CatalogueResolvers.ConfigureStack(builder.Types.For("Stack"), emulator);
            ConfigureMutation(builder.Types.For("Mutation"), emulator);
            WebhookResolvers.ConfigureQuery(builder.Types.For("Query"), emulator);
            WebhookResolvers.ConfigureMutation(builder.Types.For("Mutation"), emulator);
            ConfigureStack(builder.Types.For("Stack"), emulator);
            builder.Types.For(nameof(StackConfigVendorTerraform)).IsTypeOf<StackConfigVendorTerraform>();
            builder.Types.For(nameof(StackConfigVendorOpenTofu)).IsTypeOf<StackConfigVendorOpenTofu>();
            builder.Types.For(nameof(StackConfigVendorTerragrunt)).IsTypeOf<StackConfigVendorTerragrunt>();
            builder.Types.For(nameof(StackConfigVendorPulumi)).IsTypeOf<StackConfigVendorPulumi>();
            builder.Types.For(nameof(StackConfigVendorCloudFormation)).IsTypeOf<StackConfigVendorCloudFormation>();
            builder.Types.For(nameof(StackConfigVendorKubernetes)).IsTypeOf<StackConfigVendorKubernetes>();
            builder.Types.For(nameof(StackConfigVendorAnsible)).IsTypeOf<StackConfigVendorAnsible>();
        });
        schema.Initialize();
        return schema;
    }

    private static void ConfigureQuery(TypeConfig query, SpaceliftEmulator emulator)
    {
        query.FieldFor("viewer").Resolver = Resolve(ctx => CallerOf(ctx) is { } caller ? UserOf(caller) : null);
        query.FieldFor("stacks").Resolver = Resolve(ctx => CallerOf(ctx) is null
            ? Array.Empty<StackView>()
            : emulator.Stacks.All().Select(s => new StackView(s, emulator)).ToArray());
        query.FieldFor("stack").Resolver = Resolve(ctx => CallerOf(ctx) is not null && emulator.Stacks.Find(ctx.GetArgument<string>("id")) is { } stack
            ? new StackView(stack, emulator)
            : AbsentReads.Answer(emulator, AbsentReads.Kind.Stack));
        query.FieldFor("searchStacks").Resolver = Resolve(ctx => SearchStacks(ctx, emulator));
        query.FieldFor("runStack").Resolver = Resolve(ctx =>
        {
            if (CallerOf(ctx) is null)
            {
                return null;
            }

            var run = emulator.Runs.Find(ctx.GetArgument<string>("runId")) ?? throw new ExecutionError("not found");
            return emulator.Stacks.Find(run.StackId) is { } stack ? new StackView(stack, emulator) : throw new ExecutionError("not found");
        });
    }

    private static void ConfigureMutation(TypeConfig mutation, SpaceliftEmulator emulator)
    {
        mutation.FieldFor("apiKeyUser").Resolver = Resolve(ctx =>
        {
            try
            {
                var token = emulator.Tokens.Exchange(ctx.GetArgument<string>("id"), ctx.GetArgument<string>("secret"));
                return token is null ? null : new UserView(token.KeyId, "api::" + token.KeyId, token.Jwt, token.ExpiresAt.ToUnixTimeSeconds());
            }
            catch (WrongSecretException e)
            {
                return emulator.WrongSecretIsError ? throw new ExecutionError(e.Message) : null;
            }
        });
        mutation.FieldFor("runTrigger").Resolver = Resolve(ctx => TriggerRun(ctx, emulator));
    }

    private static void ConfigureStack(TypeConfig stack, SpaceliftEmulator emulator)
    {
        stack.FieldFor("run").Resolver = Resolve(ctx =>
            emulator.Runs.Find(ctx.GetArgument<string>("id")) is { } run && run.StackId == ((StackView)ctx.Source!).Id
                ? new RunView(run, emulator)
                : null);
    }

    private static StacksConnectionView SearchStacks(IResolveFieldContext ctx, SpaceliftEmulator emulator)
    {
        if (CallerOf(ctx) is null)
        {
            return new StacksConnectionView([], new PageInfoView(null, false, false));
        }

        var input = ctx.GetArgument<Dictionary<string, object?>>("input");
        try
        {
            var page = StackSearch.Run(
                emulator.Stacks.Snapshot(), SearchRequest.FromInput(input), s => emulator.EffectiveState(s).State, emulator.Options.PageCap, emulator.Options.OversizedPage);
            var edges = page.Edges.Select(e => new StackEdgeView(e.Cursor, new StackView(e.Stack, emulator))).ToArray();
            return new StacksConnectionView(edges, new PageInfoView(page.EndCursor, page.HasNextPage, page.HasPreviousPage));
        }
        catch (SearchException e)
        {
            throw new ExecutionError(e.Message);
        }
    }

    private static RunView TriggerRun(IResolveFieldContext ctx, SpaceliftEmulator emulator)
    {
        var caller = CallerOf(ctx) ?? throw new ExecutionError("unauthorized");
        var stack = emulator.Stacks.Find(ctx.GetArgument<string>("stack")) ?? throw new ExecutionError("not found");
        var now = emulator.Time.GetUtcNow();
        var runtimeConfig = ctx.GetArgument<Dictionary<string, object?>?>("runtimeConfig");
        var run = new EmulatedRun
        {
            Id = Ulid.New(now),
            StackId = stack.Id,
            Type = ctx.GetArgument<string?>("runType") ?? "TRACKED",
            CreatedAt = now,
            Branch = stack.Branch,
            CommitSha = ctx.GetArgument<string?>("commitSha") ?? stack.TrackedCommitSha ?? HeadOf(stack),
            TriggeredBy = caller.Identity,
            Token = caller.Token,
            RuntimeConfigYaml = runtimeConfig?.GetValueOrDefault("yaml") as string,
            ForceApply = ctx.GetArgument<string?>("forceApply"),
        };
        emulator.Runs.Record(run);
        emulator.Changed();
        emulator.RunEvents.Poke();
        return new RunView(run, emulator);
    }

    /// <summary>The head of the tracked branch, for a stack that tracks no commit yet.</summary>
    private static string HeadOf(EmulatedStack stack)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{stack.Id}@{stack.Branch}")))[..40];

    private static UserView UserOf(Caller caller)
        => new(caller.KeyId, caller.Identity, caller.Token, caller.ValidUntil.ToUnixTimeSeconds());

    private static Caller? CallerOf(IResolveFieldContext ctx) => (ctx.UserContext as SpaceliftRequestContext)?.Caller;

    private static FuncFieldResolver<object?> Resolve(Func<IResolveFieldContext, object?> resolve) => new(resolve);
}
