using System.Net;
using System.Net.Http.Json;
using Funeng.Compute.Nodes;
using Funeng.Kernel.Security;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Nodes;

/// <summary><c>GET /api/v1/compute/centres/{id}/nodes</c> reads the centre through <c>RegistryQueries</c>: its operator and the office see it, no one else.</summary>
public sealed class CentreNodesTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_centres_nodes_are_for_its_operator_and_the_office_a_403_for_another_operator_and_a_404_for_no_centre()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var mine = await app.CreateUserAsync(Roles.ComputeOperator);
        var stranger = await app.CreateUserAsync(Roles.ComputeOperator);
        var centre = await RegisterCentreAsync(office, "Nodes", "guangzhou", UniqueAccelerator(), 8, 1m, operatorOrg: mine.OrganisationId);
        var path = $"/api/v1/compute/centres/{centre.Id}/nodes";

        // The simulator keeps no node inventory, so the centre's one engine reports nothing.
        Assert.Empty((await mine.Client.GetFromJsonAsync<List<EngineNodes>>(path, Json, Ct))!);
        Assert.Empty((await office.Client.GetFromJsonAsync<List<EngineNodes>>(path, Json, Ct))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Client.GetAsync($"/api/v1/compute/centres/{Guid.NewGuid()}/nodes", Ct)).StatusCode);
    }
}
