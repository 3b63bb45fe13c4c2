using System.Net;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Hosting;

/// <summary>
/// The module-only host most Catalog tests run on boots Catalog and Platform and nothing of the other five modules:
/// no service, page or endpoint of theirs. Catalog's code calls none of them; two of its pages invoke another module's
/// view component by name (Policy's targets, Incentives' enterprise facts), which fakes answer.
/// </summary>
public sealed class CatalogAloneTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Catalog_and_Platform_and_nothing_of_the_other_modules() => Assert.Empty(app.BootProblems());

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_catalogs_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policy/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scenarios", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/catalog/search?q=robot", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalog", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_catalog_page_asks_policy_for_the_targets_of_its_measures()
    {
        var fake = app.Services.GetRequiredService<FakeViewComponents>();
        var before = fake.Calls.All.Count;

        var page = await app.Anonymous().GetStringAsync("/catalog", Ct);

        Assert.Contains("data-fake=\"PolicyTargets\"", page, StringComparison.Ordinal);
        var call = Assert.Single(fake.Calls.All.Skip(before));
        Assert.Equal("PolicyTargets", call.Method);
        Assert.Contains("algorithm_products", (string)call.Arguments[0]!, StringComparison.Ordinal);
    }
}
