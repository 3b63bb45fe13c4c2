using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Requests;

/// <summary>Issue 11: what the compute pages read through the query classes depends on who asks.</summary>
public sealed class ComputeQueriesTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_is_found_with_its_owner_by_its_organisation_and_the_office_and_by_nobody_else()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var colleague = await app.CreateUserAsync(Roles.Enterprise, enterprise.OrganisationId);
        var stranger = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Found " + accelerator, "guangzhou", accelerator, 8, 10m);
        var voucher = await GrantAsync(office, enterprise.OrganisationId, "device_hours", 50);
        var request = await SubmitAsync(enterprise, accelerator, devices: 2, hours: 1);

        foreach (var reader in new[] { colleague, office })
        {
            await using var scope = await app.ScopeAsAsync(reader);
            var found = await scope.ServiceProvider.GetRequiredService<RequestQueries>().FindAsync(request.Id, Ct);
            Assert.Equal((request.Id, enterprise.OrganisationId), (found?.View.Id, found?.OrganisationId));
            // The request page lists the owner's vouchers, also to the office.
            Assert.Equal([voucher.Id], (await scope.ServiceProvider.GetRequiredService<VoucherQueries>().HeldByAsync(found!.Value.OrganisationId, Ct)).Select(v => v.Id));
        }

        await using var strangers = await app.ScopeAsAsync(stranger);
        Assert.Null(await strangers.ServiceProvider.GetRequiredService<RequestQueries>().FindAsync(request.Id, Ct));
        Assert.DoesNotContain(await strangers.ServiceProvider.GetRequiredService<RequestQueries>().MineAsync(Ct), r => r.Id == request.Id);
        Assert.Empty(await strangers.ServiceProvider.GetRequiredService<VoucherQueries>().MineAsync(Ct));
    }

    [Fact]
    public async Task An_operator_keeps_only_its_own_organisations_centres_and_the_office_every_centre()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var operatorUser = await app.CreateUserAsync(Roles.ComputeOperator);
        var accelerator = UniqueAccelerator();
        var mine = await RegisterCentreAsync(office, "Mine " + accelerator, "guangzhou", accelerator, 8, 10m, operatorOrg: operatorUser.OrganisationId);
        var theirs = await RegisterCentreAsync(office, "Theirs " + accelerator, "shenzhen", accelerator, 8, 10m);

        await using (var scope = await app.ScopeAsAsync(operatorUser))
        {
            Assert.Equal([mine.Id], (await scope.ServiceProvider.GetRequiredService<RegistryQueries>().OperatedCentresAsync(Ct)).Select(c => c.Id));
        }

        await using (var scope = await app.ScopeAsAsync(office))
        {
            var all = (await scope.ServiceProvider.GetRequiredService<RegistryQueries>().OperatedCentresAsync(Ct)).Select(c => c.Id).ToList();
            Assert.Contains(mine.Id, all);
            Assert.Contains(theirs.Id, all);
        }
    }
}
