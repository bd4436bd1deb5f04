using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// Errors as Spacelift's server library (graph-gophers/graphql-go) writes them: message, locations and
/// path only, no extensions, and names in validation messages quoted with <c>"</c> rather than GraphQL.NET's
/// <c>'</c> (clients match on message text).
/// </summary>
internal sealed class SpaceliftErrorInfoProvider() : ErrorInfoProvider(o => o.ExposeExtensions = false)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        return executionError is ValidationError
            ? info with { Message = info.Message.Replace('\'', '"') }
            : info;
    }
}
