using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// Every page is usable on a phone: at 390 × 844 no page scrolls sideways (tables stack or scroll inside their
/// box). Each page is opened by the role that works on it; a screenshot of each is kept.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PhoneWidthTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Public =
    [
        "/", "/policy", "/policy/targets", "/policy/documents/gd-2024-ai-empowerment", "/policy/coverage", "/policy/documents/gd-2024-ai-empowerment/measures/26", "/incentives/register", "/scenarios", "/scenarios/cases", "/scenarios/challenges",
        "/catalog", "/catalog?q=%E5%85%BB%E8%80%81", "/incentives", "/incentives/report", "/compute", "/empowerment-index", "/empowerment-index/method",
        "/empowerment-index/progress", "/empowerment-index/report", "/empowerment-index/cities/guangzhou", "/account/login", "/account/register",
        "/account/forgot-password", "/account/set-password", "/account/confirm-email", "/error/404", "/no-such-page",
    ];

    public static TheoryData<string, string, string[]> PagesByRole => new()
    {
        { "", "", Public },
        { Roles.OfficeStaff, nameof(OrganisationKind.GovernmentOffice), ["/workbench", "/account/organisations", "/account/users", "/account/audit", "/account/tokens", "/account/notifications", "/account/colleagues", "/catalog/review", "/catalog/import", "/catalog/recommendations", "/scenarios/review", "/scenarios/lists/new", "/incentives/parameters", "/incentives/awards", "/compute/office", "/compute/simulations", "/compute/planning", "/empowerment-index/observations", "/empowerment-index/observations/import"] },
        { Roles.Enterprise, nameof(OrganisationKind.Enterprise), ["/workbench", "/catalog/profile", "/incentives/profile", "/catalog/saved-searches", "/catalog/listings/edit", "/scenarios/approaches", "/compute/requests", "/compute/requests/new"] },
        { Roles.ScenarioOwner, nameof(OrganisationKind.ElderCareHome), ["/workbench", "/scenarios/post"] },
        { Roles.Expert, nameof(OrganisationKind.University), ["/workbench", "/incentives/review"] },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task No_page_scrolls_sideways_at_390_pixels(string role, string kind, string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        if (role.Length > 0)
        {
            var user = await app.CreateUserAsync(role, kind: Enum.Parse<OrganisationKind>(kind));
            await BrowserApp.SignInAsync(page, user.Email, user.Password);
        }

        var failures = new List<string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > 390)
                {
                    var widest = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 391).map(e => e.tagName + (e.className ? '.' + e.className : '') + (e.id ? '#' + e.id : '')).slice(0, 5).join(' ')");
                    failures.Add($"{path} ({culture}) is {width}px wide: {widest}");
                }

                await BrowserApp.ScreenshotAsync(page, $"phone-{(role.Length > 0 ? role : "public")}-{culture}{path.Replace('/', '-').Replace('?', '-')}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await context.CloseAsync();
    }
}
