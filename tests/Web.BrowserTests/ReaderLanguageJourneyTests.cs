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
    /// (skipped when the demo data has none there); a path in braces is a record the role's preparation made.
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
            "link:/catalog/recommendations/", "/catalog/import", "/incentives/parameters", "/incentives/awards", AwardLedger, "/incentives/report",
            "/compute/office", "/compute/simulations", "/compute/planning", "/empowerment-index/observations", "/empowerment-index/method",
            "/account/organisations", "/account/users", "/account/audit"],
        [Kernel.Security.Roles.ComputeOperator] = ["/workbench", "/compute/centre", "/compute/requests", "link:/compute/requests/", "/compute"],
    };

    /// <summary>
    /// Forms each role submits with bad input: the page, the form, how to spoil it and, where the walk knows it, the
    /// status the answer must have and a text it must hold in each language. A path in braces is a record the role's
    /// preparation made through the pages (<see cref="PrepareAsync"/>).
    /// </summary>
    private static readonly Dictionary<string, FailedAction[]> FailedActionsByRole = new()
    {
        [Anonymous] = [new("/account/login", "main form", async page =>
        {
            await page.FillAsync("#Email", "nobody@funeng.local");
            await page.FillAsync("#Password", "wrong-password-1");
        })],
        [Kernel.Security.Roles.Enterprise] = [new("/compute/requests/new", "main form.panel", NoSpoil)],
        [Kernel.Security.Roles.ScenarioOwner] = [new("/scenarios/post", "main form.scenario-form", NoSpoil)],
        [Kernel.Security.Roles.Expert] = [new("/account/tokens", "main form.inline-form", NoSpoil)],
        [Kernel.Security.Roles.CityStaff] = [new("/empowerment-index/observations", "[data-testid=observation-form]", NoSpoil)],
        [Kernel.Security.Roles.OfficeStaff] =
        [
            new("/scenarios/lists/new", "main form", NoSpoil),
            // The case form of a delivered scenario, sent empty: title, summary and outcome are each refused.
            new(DeliveredScenario, "main form[action*='handler=Case']", NoSpoil, 400),
            // Clawing back an award without a reason.
            new("/incentives/awards", "#awards form[action*='handler=ClawBack']", NoSpoil, 400),
            // A trace whose third line has a negative duration: the problem names the file, the line and the column.
            new("/compute/simulations", "main form[action*='handler=Run']", UploadBadTraceAsync, 400,
                english => english ? $"{BadTrace} line 3, column duration_seconds" : $"{BadTrace} 第 3 行“duration_seconds”列", BadTraceHeader.Split(',')),
        ],
        [Kernel.Security.Roles.ComputeOperator] = [new("/compute/centre", "main form.role-form", async page =>
            await page.Locator("main form.role-form input[name=price]").First.FillAsync("-1"))],
    };

    /// <summary>Pages walked again after the failed actions: the audit log, whose details are keyed messages.</summary>
    private static readonly Dictionary<string, string[]> PagesAfterFailedActionsByRole = new()
    {
        [Kernel.Security.Roles.OfficeStaff] = ["/account/audit"],
    };

    private const string DeliveredScenario = "{delivered-scenario}";

    private const string AwardLedger = "{award-ledger}";

    private const string BadTrace = "bad-trace.csv";

    private const string BadTraceHeader = "job_id,user,submit_seconds,duration_seconds,gpus";

    private static Task NoSpoil(IPage page) => Task.CompletedTask;

    private static Task UploadBadTraceAsync(IPage page) =>
        Task.WhenAll(
            page.SetInputFilesAsync("#trace", new FilePayload
            {
                Name = BadTrace,
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes($"{BadTraceHeader}\na,u,0,3600,4\nb,u,10,-5,1\n"),
            }),
            page.SelectOptionAsync("#format", "csv"));

    [Theory]
    [MemberData(nameof(RolesToWalk))]
    public async Task A_roles_pages_and_a_failed_action_show_only_the_readers_language(string role)
    {
        var page = role == Anonymous ? await app.NewPageAsync() : await SignInAsync(role);
        var failures = new List<string>();
        var prepared = await PrepareAsync(role, page, failures);
        var data = DataNames.Read(app.ConnectionString);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var english = culture == "en";
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            string? previous = null;
            foreach (var entry in PagesByRole[role])
            {
                var path = entry.StartsWith("link:", StringComparison.Ordinal) ? await FirstLinkAsync(page, entry[5..], previous)
                    : entry.StartsWith('{') ? prepared.GetValueOrDefault(entry) // absent when the preparation failed, and said why
                    : entry;
                if (path is null)
                {
                    continue;
                }

                var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                if (response is null || !response.Ok)
                {
                    failures.Add($"{role} {culture} {path}: answered {response?.Status}{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", app.TakeServerErrors().Select(e => e.Split('\n')[0]))}");
                    continue;
                }

                await CheckAsync(page, $"{role} {culture} {path}", english, data, failures);
                previous = path;
            }

            foreach (var action in FailedActionsByRole[role])
            {
                var formPath = prepared.TryGetValue(action.Path, out var made) ? made : action.Path;
                if (formPath.StartsWith('{'))
                {
                    continue; // the preparation could not make it, and said why
                }

                await page.GotoAsync(formPath);
                var status = await SubmitBadInputAsync(page, action.Form, action.Spoil);
                var problems = page.Locator("[data-testid=problems], .field-validation-error, [role=alert]");
                if (await problems.CountAsync() == 0)
                {
                    failures.Add($"{role} {culture}: the bad input to {formPath} showed no problem on the page: {Shorten(await page.InnerTextAsync("body"))}");
                }
                else if (action.Status is { } expected && status != expected)
                {
                    failures.Add($"{role} {culture}: the bad input to {formPath} answered {status}, not {expected}");
                }
                else if (action.Holds?.Invoke(english) is { } text && !(await problems.AllInnerTextsAsync()).Any(p => p.Contains(text, StringComparison.Ordinal)))
                {
                    failures.Add($"{role} {culture}: the problems of {formPath} do not say \"{text}\": {Shorten(string.Join(" ", await problems.AllInnerTextsAsync()))}");
                }

                await CheckAsync(page, $"{role} {culture} {formPath} (bad input)", english, action.Given is { } given ? data.With(given) : data, failures);
            }

            foreach (var path in PagesAfterFailedActionsByRole.GetValueOrDefault(role, []))
            {
                await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                await CheckAsync(page, $"{role} {culture} {path} (after the failed actions)", english, data, failures);
            }
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

    // The caller has waited for the page: a navigation to network idle, or SubmitAsync until the answer has loaded. Not
    // WaitForLoadStateAsync here, which can miss the event it waits for (BrowserApp.ArriveAsync says why).
    private static async Task CheckAsync(IPage page, string where, bool english, DataNames data, List<string> failures)
    {
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
    private static async Task<int> SubmitBadInputAsync(IPage page, string formSelector, Func<IPage, Task> spoil)
    {
        var form = page.Locator(formSelector).First;
        await form.EvaluateAsync("f => f.noValidate = true");
        await spoil(page);
        return await SubmitAsync(page, form);
    }

    // Submits a form and returns the status of the answer (a redirect's status, when it redirects), once the new
    // document (the old one is marked here) has loaded.
    private static async Task<int> SubmitAsync(IPage page, ILocator form)
    {
        await page.EvaluateAsync("() => window.beforeSubmit = true");
        var response = await page.RunAndWaitForResponseAsync(
            () => form.Locator("button[type=submit], input[type=submit]").First.ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await page.WaitForFunctionAsync("() => !window.beforeSubmit && document.readyState === 'complete'");
        return response.Status;
    }

    /// <summary>
    /// Makes, through the pages, the records a role's walk needs that the demo data does not have. For office staff:
    /// the scenario owner takes two of the elder-care home's published scenarios to delivered; office staff write up
    /// the case of the first, set the benchmark-case program's yearly budget and designate the case a benchmark, which
    /// makes an award with ledger entries (for /incentives/awards, its ledger page and the audit log); the second stays
    /// without a case, for the case form's bad input. Returns the paths it made, by their placeholder.
    /// </summary>
    private async Task<Dictionary<string, string>> PrepareAsync(string role, IPage page, List<string> failures)
    {
        var prepared = new Dictionary<string, string>(StringComparer.Ordinal);
        if (role != Kernel.Security.Roles.OfficeStaff)
        {
            return prepared;
        }

        var owner = await SignInAsync(Kernel.Security.Roles.ScenarioOwner);
        await owner.GotoAsync("/scenarios");
        var delivered = new List<string>();
        foreach (var path in await LinksAsync(owner, "/scenarios/"))
        {
            await owner.GotoAsync(path);
            if (await owner.Locator("main button[data-action=match]").CountAsync() == 0)
            {
                continue;
            }

            foreach (var move in new[] { "match", "start_delivery", "deliver" })
            {
                await SubmitAsync(owner, owner.Locator($"main form:has(button[data-action={move}])"));
            }

            if (await owner.Locator("main [role=alert]").CountAsync() > 0)
            {
                failures.Add($"{role}: the owner could not deliver {path}: {Shorten(await owner.InnerTextAsync("main"))}");
                return prepared;
            }

            delivered.Add(path);
            if (delivered.Count == 2)
            {
                break;
            }
        }

        await owner.Context.CloseAsync();
        if (delivered.Count < 2)
        {
            failures.Add($"{role}: skipped the case form and the award ledger: the demo data has no two published scenarios of the scenario owner to deliver ({delivered.Count} found)");
            return prepared;
        }

        prepared[DeliveredScenario] = delivered[1];
        const string CaseTitle = "夜间跌倒告警试点案例（演示）";
        await page.GotoAsync(delivered[0]);
        await page.FillAsync("#caseTitle", CaseTitle);
        await page.FillAsync("#caseSummary", "演示：试点三个月，夜间跌倒平均两分钟内发现。");
        await page.FillAsync("#outcomeName", "演示：平均发现时间");
        await page.FillAsync("#outcomeValue", "2");
        await page.FillAsync("#outcomeUnit", "分钟");
        await PreparedStepAsync(page, "main form[action*='handler=Case']", "writing up the case", failures);

        await page.GotoAsync("/incentives/parameters");
        var budget = page.Locator("table[data-program=benchmark-case-reward] tr[data-parameter=annual_budget] form");
        await budget.Locator("input[name=value]").FillAsync("100000000");
        await budget.Locator("input[name=effectiveFrom]").FillAsync("2025-01-01");
        await PreparedStepAsync(page, "table[data-program=benchmark-case-reward] tr[data-parameter=annual_budget] form", "setting the benchmark-case budget", failures);

        await page.GotoAsync("/scenarios/cases");
        await PreparedStepAsync(page, $"main li.card:has-text('{CaseTitle}') form[action*='handler=Designate']", "designating the benchmark case", failures);

        await page.GotoAsync("/incentives/awards");
        var ledgerLink = page.Locator("#awards a.ledger");
        if (await ledgerLink.CountAsync() > 0 && await ledgerLink.First.GetAttributeAsync("href") is { } ledger)
        {
            prepared[AwardLedger] = ledger;
        }
        else
        {
            failures.Add($"{role}: preparing the walk, the designated case's award has no ledger link on /incentives/awards: {Shorten(await page.InnerTextAsync("main"))}");
        }

        return prepared;
    }

    private static async Task PreparedStepAsync(IPage page, string formSelector, string step, List<string> failures)
    {
        if (await page.Locator(formSelector).CountAsync() == 0)
        {
            failures.Add($"{Kernel.Security.Roles.OfficeStaff}: preparing the walk, {step} found no form on {page.Url}: {Shorten(await page.InnerTextAsync("main"))}");
            return;
        }

        var status = await SubmitAsync(page, page.Locator(formSelector).First);
        if (status >= 400 || await page.Locator("main [role=alert]").CountAsync() > 0)
        {
            failures.Add($"{Kernel.Security.Roles.OfficeStaff}: preparing the walk, {step} answered {status}: {Shorten(await page.InnerTextAsync("main"))}");
        }
    }

    // Every link on the page to a record under prefix, e.g. /scenarios/<id>.
    private static async Task<string[]> LinksAsync(IPage page, string prefix) =>
        await page.EvaluateAsync<string[]>(
            "prefix => [...new Set([...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href')).filter(h => h.startsWith(prefix) && h.length > prefix.length && !h.slice(prefix.length).includes('/') && !h.includes('?') && /\\d/.test(h)))]",
            prefix);

    /// <summary>A form submitted with bad input, and what its answer must be.</summary>
    private sealed record FailedAction(string Path, string Form, Func<IPage, Task> Spoil, int? Status = null, Func<bool, string>? Holds = null, string[]? Given = null);
}
