using System.Net;
using Emulators.Port;
using Emulators.Port.Entities;
using static Infra.Tests.Emulators.Port.Catalogue.CatalogueJson;

namespace Infra.Tests.Emulators.Port.Catalogue;

/// <summary>Blueprint relations as Port declares and documents them: closed objects, existing targets, not both required and many.</summary>
public sealed class RelationDefinitionTests
{
    [Fact]
    public async Task ARelationToAMissingBlueprintIsNotFoundInPortsWords()
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.PostAsync("/v1/blueprints", Blueprint("stack", """{ "space": { "target": "space", "required": false, "many": false } }"""));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", Error(body));
        Assert.Equal("Blueprint with identifier \"space\" was not found", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task RequiredAndManyTogetherAndUnknownFieldsAreRefusedWhileDefaultsAreFilled()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(Blueprint("space"));

        var (both, bothBody) = await host.PostAsync("/v1/blueprints", Blueprint("a", """{ "space": { "target": "space", "required": true, "many": true } }"""));
        var (extra, extraBody) = await host.PostAsync("/v1/blueprints", Blueprint("b", """{ "space": { "target": "space", "inverse": "stacks" } }"""));
        var (created, createdBody) = await host.PostAsync("/v1/blueprints", Blueprint("c", """{ "space": { "target": "space", "title": "Space" } }"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, both);
        Assert.Contains("both required and many", bothBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, extra);
        Assert.Contains("'inverse'", extraBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created);
        var relation = createdBody["blueprint"]!["relations"]!["space"]!;
        Assert.False(relation["required"]!.GetValue<bool>());
        Assert.False(relation["many"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASelfRelationOnCreateIsPlayedBothWaysAndAPatchAddsItEitherWay()
    {
        const string Parent = """{ "parentSpace": { "target": "space", "required": false, "many": false } }""";
        await using var lenient = await PortTestHost.StartAsync();
        await using var strict = await PortTestHost.StartAsync(new PortEmulatorOptions { Relations = new RelationBehaviour { SelfRelationOnCreate = false } });

        var (allowed, _) = await lenient.PostAsync("/v1/blueprints", Blueprint("space", Parent));
        var (refused, refusedBody) = await strict.PostAsync("/v1/blueprints", Blueprint("space", Parent));
        await strict.CreateBlueprintAsync(Blueprint("space"));
        var (patched, _) = await strict.SendAsync(HttpMethod.Patch, "/v1/blueprints/space", Parse($$"""{ "relations": {{Parent}} }"""));

        Assert.Equal(HttpStatusCode.Created, allowed);
        Assert.Equal(HttpStatusCode.NotFound, refused);
        Assert.Equal("Blueprint with identifier \"space\" was not found", refusedBody["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, patched);
    }

    [Fact]
    public async Task ABlueprintOthersRelateToIsNotDeletedUnlessTheSwitchAllowsIt()
    {
        await using var strict = await PortTestHost.StartAsync();
        await using var lenient = await PortTestHost.StartAsync(new PortEmulatorOptions { Relations = new RelationBehaviour { RefuseDeletingReferencedBlueprint = false } });
        foreach (var host in new[] { strict, lenient })
        {
            await host.CreateBlueprintAsync(Blueprint("space"));
            await host.CreateBlueprintAsync(Blueprint("stack", """{ "space": { "target": "space", "required": false, "many": false } }"""));
        }

        var (refused, body) = await strict.SendAsync(HttpMethod.Delete, "/v1/blueprints/space");
        var (afterSource, _) = await strict.SendAsync(HttpMethod.Delete, "/v1/blueprints/stack");
        var (thenTarget, _) = await strict.SendAsync(HttpMethod.Delete, "/v1/blueprints/space");
        var (allowed, _) = await lenient.SendAsync(HttpMethod.Delete, "/v1/blueprints/space");
        var (dangling, danglingBody) = await lenient.PostAsync("/v1/blueprints/stack/entities",
            Entity("s1", new() { ["space"] = "root" }));

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("has_dependents", Error(body));
        Assert.Contains("relation 'space' of blueprint 'stack'", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (afterSource, thenTarget, allowed));
        Assert.Equal(HttpStatusCode.NotFound, dangling);
        Assert.Equal("Blueprint with identifier \"space\" was not found", danglingBody["message"]!.GetValue<string>());
    }
}
