using System.Net;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Workbench;
using Funeng.TestSupport;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Hosting;

/// <summary>
/// The module-only host the Platform tests run on boots Platform and nothing of the other six modules: no service,
/// page or endpoint of theirs; the lines they would put on a workbench come from a fake.
/// </summary>
public sealed class PlatformAloneTests(PlatformSqliteApp app) : IClassFixture<PlatformSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Platform_and_nothing_of_the_other_modules() => Assert.Empty(app.BootProblems());

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_platforms_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policy/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/incentives/register", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platform/organisations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_workbench_shows_what_the_fake_says_another_module_waits_for_and_the_fake_saw_the_read()
    {
        var fake = app.Services.GetRequiredService<FakeWorkbenchSource>();
        var before = fake.Calls.Of(nameof(IWorkbenchSource.ItemsAsync)).Count;
        fake.Answer(new WorkItem(WorkItemKind.WaitingForMe, new LocalizedText("待评审的测试申请", "Test applications to review"), "/incentives/review", Count: 3));
        var user = await app.CreateUserAsync(Roles.Expert);
        var browser = await app.SignInAsync(user, Ct);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/workbench?culture=en", Ct));

        Assert.Contains("Test applications to review", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/incentives/review\"", page, StringComparison.Ordinal);
        Assert.True(fake.Calls.Of(nameof(IWorkbenchSource.ItemsAsync)).Count > before);
    }
}
