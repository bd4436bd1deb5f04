using System.Text;
using Emulators.Spacelift.Auth;
using Emulators.Spacelift.Search;
using Emulators.Spacelift.Webhooks;
using Emulators.Unknowns;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// Resolvers of <see cref="ClientDocumentSdl"/> that do not read a view property: the named webhook search
/// and a space's <c>accessLevel</c>.
/// </summary>
internal static class ClientDocumentResolvers
{
    private const string CursorPrefix = "named-webhook:";

    public static void Configure(TypeSettings types, SpaceliftEmulator emulator)
    {
        types.For("Query").FieldFor("searchNamedWebhooksIntegrations").Resolver = new FuncFieldResolver<object?>(ctx => Search(ctx, emulator));

        // What the caller may do in the space: the emulator's admin keys administer every space, other keys read.
        types.For("Space").FieldFor("accessLevel").Resolver = new FuncFieldResolver<object?>(ctx =>
            CallerOf(ctx) is { } caller && emulator.Tokens.IsAdmin(caller.KeyId) ? "ADMIN" : "READ");
    }

    /// <summary>
    /// Named webhooks by creation time (seconds), then id, paged like <c>searchStacks</c> (the same default, cap and
    /// oversized-page answer); the emulator filters them by nothing, so predicates and full-text search are refused.
    /// </summary>
    private static NamedWebhooksConnectionView Search(IResolveFieldContext ctx, SpaceliftEmulator emulator)
    {
        if (CallerOf(ctx) is null)
        {
            return new NamedWebhooksConnectionView([], new PageInfoView(null, false, false));
        }

        var input = ctx.GetArgument<Dictionary<string, object?>>("input");
        var request = SearchRequest.FromInput(input);
        if (request.Predicates.Count > 0 || !string.IsNullOrEmpty(request.FullTextSearch))
        {
            throw new ExecutionError("the emulator does not filter named webhooks: send neither predicates nor fullTextSearch");
        }

        var first = request.First ?? StackSearch.DefaultPageSize;
        if (first < 0 || (first > emulator.Options.PageCap && emulator.Options.OversizedPage == OversizedPage.Error))
        {
            throw new ExecutionError(first < 0 ? "first must not be negative" : $"first must not be greater than {emulator.Options.PageCap}");
        }

        var all = emulator.NamedWebhooks.All().OrderBy(w => w.CreatedAt).ThenBy(w => w.Id, StringComparer.Ordinal).ToArray();
        var start = 0;
        if (request.After is { } after)
        {
            var id = DecodeCursor(after);
            start = Array.FindIndex(all, w => w.Id == id) + 1;
            if (start == 0)
            {
                throw new ExecutionError("invalid cursor");
            }
        }

        var page = all.Skip(start).Take(Math.Min(first, emulator.Options.PageCap)).ToArray();
        var edges = page.Select(w => new NamedWebhookEdgeView(EncodeCursor(w.Id), new NamedWebhookView(w, emulator))).ToArray();
        return new NamedWebhooksConnectionView(edges, new PageInfoView(edges.LastOrDefault()?.Cursor, start + page.Length < all.Length, start > 0));
    }

    private static string EncodeCursor(string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + id));

    private static string DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? text[CursorPrefix.Length..] : throw new ExecutionError("invalid cursor");
        }
        catch (FormatException)
        {
            throw new ExecutionError("invalid cursor");
        }
    }

    private static Caller? CallerOf(IResolveFieldContext ctx) => (ctx.UserContext as SpaceliftRequestContext)?.Caller;
}

internal sealed record NamedWebhookEdgeView(string Cursor, NamedWebhookView Node);

internal sealed record NamedWebhooksConnectionView(IReadOnlyList<NamedWebhookEdgeView> Edges, PageInfoView PageInfo);
