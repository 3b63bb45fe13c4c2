using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// The pages each role works on render for that role in Chinese and in English with every string present, and a
/// screenshot of each is kept for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RolePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string, string, string[]> PagesByRole => new()
    {
        { Roles.Enterprise, nameof(OrganisationKind.Enterprise), ["/catalog/saved-searches", "/catalog/profile", "/scenarios/approaches", "/incentives", "/compute"] },
        { Roles.OfficeStaff, nameof(OrganisationKind.GovernmentOffice), ["/catalog/recommendations", "/incentives/parameters", "/incentives/awards", "/compute/simulations", "/compute/office", "/compute/planning"] },
        { Roles.Expert, nameof(OrganisationKind.University), ["/incentives/review", "/scenarios/challenges"] },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task A_roles_pages_render_in_both_languages_without_missing_strings(string role, string kind, string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var user = await app.CreateUserAsync(role, kind: Enum.Parse<OrganisationKind>(kind));
        var page = await app.SignInAsync(user);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path} answered {response.Status} for {role}");
                Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
                await BrowserApp.ScreenshotAsync(page, $"{role}-{culture}{path.Replace('/', '-')}");
            }
        }
    }
}
