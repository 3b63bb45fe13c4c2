using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// Issue 11, done-when: every demo role walks the pages it really uses, and submits one form with bad input, in
/// Chinese and then in English; any text not in the reader's language (Latin words that are no name or code on a
/// Chinese page, Chinese that is no name from the data on an English page, raw keys on either) fails the walk, with
/// all offenders of a page in one message.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReaderLanguageJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private const string Anonymous = "Anonymous";

    /// <summary>
    /// The pages each role uses. "link:/catalog/listings/" is the first link to such a record on the page before
    /// (skipped when the demo data has none there).
    /// </summary>
    public static TheoryData<string> RolesToWalk => new(Anonymous, Kernel.Security.Roles.Enterprise, Kernel.Security.Roles.ScenarioOwner,
        Kernel.Security.Roles.Expert, Kernel.Security.Roles.CityStaff, Kernel.Security.Roles.OfficeStaff, Kernel.Security.Roles.ComputeOperator);

    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        [Anonymous] = ["/", "/policy", "/policy/targets", "link:/policy/documents/", "/scenarios", "link:/scenarios/", "/scenarios/cases",
            "/scenarios/challenges", "link:/scenarios/challenges/", "/catalog", "link:/catalog/listings/", "link:/catalog/organisations/",
            "/catalog/recommendations", "/incentives", "/compute", "/empowerment-index", "/empowerment-index/progress",
            "/empowerment-index/method", "/empowerment-index/report", "/empowerment-index/cities/guangzhou", "/account/register"],
        [Kernel.Security.Roles.Enterprise] = ["/workbench", "/catalog/profile", "/catalog/saved-searches", "/catalog", "link:/catalog/listings/",
            "/scenarios/approaches", "/scenarios/challenges", "/incentives", "link:/incentives/apply/", "/compute", "/compute/requests",
            "link:/compute/requests/", "/account/notifications", "/account/colleagues", "/account/tokens"],
        [Kernel.Security.Roles.ScenarioOwner] = ["/workbench", "/scenarios", "/scenarios/post", "/scenarios/approaches", "/account/notifications"],
        [Kernel.Security.Roles.Expert] = ["/workbench", "/scenarios/challenges", "link:/scenarios/challenges/", "/incentives/review", "/account/notifications", "/account/tokens"],
        [Kernel.Security.Roles.CityStaff] = ["/workbench", "/empowerment-index/observations", "/empowerment-index/observations/import",
            "/empowerment-index/cities/guangzhou", "/scenarios/lists/new"],
        [Kernel.Security.Roles.OfficeStaff] = ["/workbench", "/scenarios/review", "/scenarios/lists/new", "/scenarios/challenges/new",
            "/scenarios/challenges", "link:/scenarios/challenges/", "/scenarios/cases", "/catalog/review", "/catalog/recommendations",
            "link:/catalog/recommendations/", "/catalog/import", "/incentives/parameters", "/incentives/awards", "/incentives/report",
            "/compute/office", "/compute/simulations", "/compute/planning", "/empowerment-index/observations", "/empowerment-index/method",
            "/account/organisations", "/account/users", "/account/audit"],
        [Kernel.Security.Roles.ComputeOperator] = ["/workbench", "/compute/centre", "/compute/requests", "link:/compute/requests/", "/compute"],
    };

    /// <summary>One form per role submitted with bad input: the page, the form and how to spoil it.</summary>
    private static readonly Dictionary<string, (string Path, string Form, Func<IPage, Task> Spoil)> FailedActionByRole = new()
    {
        [Anonymous] = ("/account/login", "main form", async page =>
        {
            await page.FillAsync("#Email", "nobody@funeng.local");
            await page.FillAsync("#Password", "wrong-password-1");
        }),
        [Kernel.Security.Roles.Enterprise] = ("/compute/requests/new", "main form.panel", _ => Task.CompletedTask),
        [Kernel.Security.Roles.ScenarioOwner] = ("/scenarios/post", "main form.scenario-form", _ => Task.CompletedTask),
        [Kernel.Security.Roles.Expert] = ("/account/tokens", "main form.inline-form", _ => Task.CompletedTask),
        [Kernel.Security.Roles.CityStaff] = ("/empowerment-index/observations", "[data-testid=observation-form]", _ => Task.CompletedTask),
        [Kernel.Security.Roles.OfficeStaff] = ("/scenarios/lists/new", "main form", _ => Task.CompletedTask),
        [Kernel.Security.Roles.ComputeOperator] = ("/compute/centre", "main form.role-form", async page =>
            await page.Locator("main form.role-form input[name=price]").First.FillAsync("-1")),
    };

    [Theory]
    [MemberData(nameof(RolesToWalk))]
    public async Task A_roles_pages_and_a_failed_action_show_only_the_readers_language(string role)
    {
        var page = role == Anonymous ? await app.NewPageAsync() : await SignInAsync(role);
        var data = DataNames.Read(app.ConnectionString);
        var failures = new List<string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var english = culture == "en";
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            string? previous = null;
            foreach (var entry in PagesByRole[role])
            {
                var path = entry.StartsWith("link:", StringComparison.Ordinal) ? await FirstLinkAsync(page, entry[5..], previous) : entry;
                if (path is null)
                {
                    continue;
                }

                var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                if (response is null || !response.Ok)
                {
                    failures.Add($"{role} {culture} {path}: answered {response?.Status}{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", app.TakeServerErrors().Select(e => e.Split('\n')[0]))}");
                    continue;
                }

                await CheckAsync(page, $"{role} {culture} {path}", english, data, failures);
                previous = path;
            }

            var (formPath, form, spoil) = FailedActionByRole[role];
            await page.GotoAsync(formPath);
            await SubmitBadInputAsync(page, form, spoil);
            if (await page.Locator("[data-testid=problems], .field-validation-error, [role=alert]").CountAsync() == 0)
            {
                failures.Add($"{role} {culture}: the bad input to {formPath} showed no problem on the page: {Shorten(await page.InnerTextAsync("body"))}");
            }

            await CheckAsync(page, $"{role} {culture} {formPath} (bad input)", english, data, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private async Task<IPage> SignInAsync(string role)
    {
        var account = app.AccountsByRole[role];
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, account.Email, account.Password);
        return page;
    }

    private static async Task CheckAsync(IPage page, string where, bool english, DataNames data, List<string> failures)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var offenders = ReaderLanguage.Offenders(await ReaderLanguage.VisibleTextsAsync(page), english, data).ToList();
        if (offenders.Count > 0)
        {
            failures.Add($"{where}:{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", offenders)}");
        }
    }

    // The first link on the page before (or on the page itself) to a record under prefix, e.g. /catalog/listings/<id>.
    private static async Task<string?> FirstLinkAsync(IPage page, string prefix, string? previous)
    {
        if (previous is not null && page.Url.EndsWith(previous, StringComparison.Ordinal) is false)
        {
            await page.GotoAsync(previous);
        }

        var hrefs = await page.EvaluateAsync<string[]>(
            "prefix => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href')).filter(h => h.startsWith(prefix) && h.length > prefix.length && !h.slice(prefix.length).includes('/') && !h.includes('?'))",
            prefix);
        return hrefs.FirstOrDefault(h => h.Any(char.IsDigit));
    }

    // Browser-side checks (required, min) are switched off: the server's answer is what this walk reads.
    private static async Task SubmitBadInputAsync(IPage page, string formSelector, Func<IPage, Task> spoil)
    {
        var form = page.Locator(formSelector).First;
        await form.EvaluateAsync("f => f.noValidate = true");
        await spoil(page);
        // The answer is a new document: wait until the old one (marked here) is gone and the new one has loaded.
        await page.EvaluateAsync("() => window.beforeSubmit = true");
        await form.Locator("button[type=submit], input[type=submit]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => !window.beforeSubmit && document.readyState === 'complete'");
    }
}
