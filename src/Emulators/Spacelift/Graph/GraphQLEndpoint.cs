using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// <c>POST /graphql</c>: always HTTP 200 with a GraphQL response (errors first, no <c>data</c> key when
/// the document does not validate, no error extensions, as Spacelift's server library answers); a
/// body that is not JSON gets HTTP 400 in plain text.
/// </summary>
internal sealed class GraphQLEndpoint(SpaceliftEmulator emulator)
{
    private readonly ISchema _schema = SpaceliftSchemaFactory.Create(emulator);
    private readonly DocumentExecuter _executer = new();
    // Unicode stack names go out as UTF-8, not \u escapes, as a Go server writes them.
    private readonly GraphQLSerializer _serializer = new(
        o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        new SpaceliftErrorInfoProvider());

    public async Task HandleAsync(HttpContext http)
    {
        var cancellation = http.RequestAborted;
        GraphQLRequest? request;
        try
        {
            request = await _serializer.ReadAsync<GraphQLRequest>(http.Request.Body, cancellation);
        }
        catch (JsonException)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("malformed JSON body", cancellation);
            return;
        }

        var caller = emulator.Tokens.Authenticate(http.Request.Headers.Authorization);
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = EmptyArgumentLists.Remove(request?.Query),
            Variables = request?.Variables,
            OperationName = request?.OperationName,
            UserContext = new SpaceliftRequestContext(caller),
            CancellationToken = cancellation,
        });

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await _serializer.WriteAsync(http.Response.Body, result, cancellation);
    }
}
