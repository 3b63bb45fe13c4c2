using System.Net;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Policy.Tests.Hosting;

/// <summary>
/// The module-only host the Policy tests run on boots Policy and Platform and nothing of the other five modules:
/// no service, page or endpoint of theirs; what Policy asks of them is answered by a fake.
/// </summary>
public sealed class PolicyAloneTests(PolicySqliteApp app) : IClassFixture<PolicySqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Policy_and_Platform_and_nothing_of_the_other_modules() => Assert.Empty(app.BootProblems());

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_policys_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/catalog/search?q=robot", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalog", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/policy/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/policy/coverage", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_measure_page_shows_what_the_fake_says_implements_it_and_the_fake_saw_the_read()
    {
        var fake = app.Services.GetRequiredService<FakeMeasureImplementations>();
        var before = fake.Calls.Of(nameof(IMeasureImplementations.ListAsync)).Count;
        fake.Answer(new MeasureImplementation(
            ImplementationKind.CatalogListingType, new LocalizedText("测试目录", "A test catalog"), "/api/v1/policy/targets?indicator=ai_models", ["gd-2024-ai-empowerment#9"]));

        var page = await app.Anonymous().GetStringAsync("/policy/documents/gd-2024-ai-empowerment/measures/9?culture=en", Ct);

        Assert.Contains("A test catalog", page, StringComparison.Ordinal);
        Assert.Contains("/api/v1/policy/targets?indicator=ai_models", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.True(fake.Calls.Of(nameof(IMeasureImplementations.ListAsync)).Count > before);
    }
}
