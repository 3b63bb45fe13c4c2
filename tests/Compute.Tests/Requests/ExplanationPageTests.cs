using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Compute.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Requests;

/// <summary>
/// Why a request went where it went, as its enterprise reads it: the reason and every rejected centre's detail in
/// the page's language (and in the API's, beside the codes clients key on), and an explanation stored as English
/// sentences before that still shown for what it is.
/// </summary>
public abstract partial class ExplanationPageTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chinese_page_gives_the_reason_and_every_rejection_in_Chinese_and_an_english_page_in_English()
    {
        var (enterprise, placed, unplaced) = await PlaceTwoAsync();

        foreach (var id in new[] { placed, unplaced })
        {
            var chinese = Explanation(await enterprise.Client.GetStringAsync($"/compute/requests/{id}", Ct));
            var english = Explanation(await enterprise.Client.GetStringAsync($"/compute/requests/{id}?culture=en", Ct));

            Assert.NotEmpty(chinese.Details);
            Assert.All(chinese.Details.Prepend(chinese.Reason), text => Assert.Matches(Han(), text));
            Assert.All(english.Details.Prepend(english.Reason), text => Assert.DoesNotMatch(Han(), text));
            Assert.All(english.Details.Concat(chinese.Details).Append(english.Reason).Append(chinese.Reason), text => Assert.DoesNotContain(UiText.MissingMarker, text, StringComparison.Ordinal));
        }

        var placedPage = Explanation(await enterprise.Client.GetStringAsync($"/compute/requests/{placed}", Ct));
        Assert.StartsWith("选中: 成本最低：Cheap ", placedPage.Reason, StringComparison.Ordinal);
        Assert.Contains("费用 ¥", Assert.Single(placedPage.Details, d => d.StartsWith("Dear ", StringComparison.Ordinal)), StringComparison.Ordinal);
        // Centres by the name of the page's language (RegisterCentreAsync names the Chinese one "… 中心"), the template by its title.
        var placedChinese = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync($"/compute/requests/{placed}", Ct));
        var placedEnglish = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync($"/compute/requests/{placed}?culture=en", Ct));
        Assert.Matches(@"^选中: 成本最低：Cheap \S+中心/", placedPage.Reason);
        Assert.Matches(@"<th scope=""row"">Dear \S+中心</th>", placedChinese);
        Assert.Matches(@"<th scope=""row"">Dear T-[^<中]+</th>", placedEnglish);
        Assert.Contains("<dd data-testid=\"job-template\">预留（在计划时段内占用设备）</dd>", placedChinese, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"job-template\">Reserve (hold the devices for the planned time)</dd>", placedEnglish, StringComparison.Ordinal);
        var unplacedPage = Explanation(await enterprise.Client.GetStringAsync($"/compute/requests/{unplaced}?culture=en", Ct));
        Assert.Equal("Not placed yet: no centre can take this request", unplacedPage.Reason);
        Assert.Contains(unplacedPage.Details, d => d.StartsWith("cheap t-", StringComparison.Ordinal) && d.EndsWith("-pool has 16 devices, 64 asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_words_the_explanation_in_the_requests_culture_beside_its_codes()
    {
        var (enterprise, placed, _) = await PlaceTwoAsync();

        var chinese = await enterprise.Client.GetFromJsonAsync<JsonElement>($"/api/v1/compute/requests/{placed}?culture=zh-CN", Ct);
        var english = await enterprise.Client.GetFromJsonAsync<JsonElement>($"/api/v1/compute/requests/{placed}?culture=en", Ct);

        foreach (var (view, why, cost, inChinese) in new[] { (chinese, "成本最低：", "费用 ¥", true), (english, "lowest cost: ", "cost ¥", false) })
        {
            var explanation = view.GetProperty("explanation");
            Assert.Equal("best_by_policy", explanation.GetProperty("reasonCode").GetString());
            Assert.StartsWith(why + "Cheap ", explanation.GetProperty("reason").GetString(), StringComparison.Ordinal);
            // The fixture's earlier tests registered other centres, which this request's accelerator rules out: the
            // one that could have taken it and was dearer is this test's.
            var dear = explanation.GetProperty("rejected").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "not_best");
            Assert.StartsWith("Dear ", dear.GetProperty("centre").GetString(), StringComparison.Ordinal);
            Assert.Contains(cost, dear.GetProperty("detail").GetString(), StringComparison.Ordinal);
            // Placed, or running once the watcher has asked the engine: either way a code and a text in the culture.
            Assert.Contains(view.GetProperty("stateReasonCode").GetString(), new[] { "explain.chosen.cheapest", "state-reason.engine-reports" });
            Assert.Equal(inChinese, Han().IsMatch(view.GetProperty("stateReason").GetString()!));
        }
    }

    [Fact]
    public async Task An_explanation_stored_as_English_sentences_shows_them_as_written_and_a_chinese_page_says_they_are_the_English_original()
    {
        var (enterprise, placed, _) = await PlaceTwoAsync();
        // Cancelled, so no later round or engine report rewrites what the test stores.
        Assert.Equal(HttpStatusCode.OK, (await enterprise.Client.PostAsync($"/api/v1/compute/requests/{placed}/cancel", null, Ct)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What the code before keyed explanations wrote.
            var db = scope.ServiceProvider.GetRequiredService<ComputeDb>();
            var request = await db.Requests.SingleAsync(r => r.Id == placed, Ct);
            request.StateReason = "lowest cost: Cheap/cheap-pool start 2026-12-01 10:00, finish 2026-12-01 12:00, cost ¥80.00";
            request.LastExplanation = """
                {"policy":"cheapest","chosenCentre":"Cheap","chosenPool":"cheap-pool","reason":"lowest cost: Cheap/cheap-pool start 2026-12-01 10:00, finish 2026-12-01 12:00, cost ¥80.00",
                 "rejected":[{"centre":"Dear","code":"not_best","detail":"Dear/dear-pool start 2026-12-01 10:00, finish 2026-12-01 12:00, cost ¥160.00"}]}
                """;
            await db.SaveChangesAsync(Ct);
        }

        var chinese = await enterprise.Client.GetStringAsync($"/compute/requests/{placed}", Ct);
        var english = await enterprise.Client.GetStringAsync($"/compute/requests/{placed}?culture=en", Ct);

        Assert.Equal("选中: （本条说明记录于中英双语说明上线之前，仅有英文原文）lowest cost: Cheap/cheap-pool start 2026-12-01 10:00, finish 2026-12-01 12:00, cost ¥80.00", Explanation(chinese).Reason);
        Assert.Equal(["（本条说明记录于中英双语说明上线之前，仅有英文原文）Dear/dear-pool start 2026-12-01 10:00, finish 2026-12-01 12:00, cost ¥160.00"], Explanation(chinese).Details);
        Assert.Contains("<td>有更优选择</td>", WebUtility.HtmlDecode(chinese), StringComparison.Ordinal); // the code's label is keyed, as before
        Assert.Equal("Chosen: lowest cost: Cheap/cheap-pool start 2026-12-01 10:00, finish 2026-12-01 12:00, cost ¥80.00", Explanation(english).Reason);
        Assert.Contains("<dd data-testid=\"state-reason\">lowest cost: Cheap/cheap-pool start", WebUtility.HtmlDecode(english), StringComparison.Ordinal);
        Assert.DoesNotContain(UiText.MissingMarker, chinese + english, StringComparison.Ordinal);
    }

    /// <summary>Under the cheapest policy, one request placed on the cheaper of two centres and one too large for either.</summary>
    private async Task<(ActingUser Enterprise, Guid Placed, Guid Unplaced)> PlaceTwoAsync()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        await office.Client.PutAsJsonAsync("/api/v1/compute/policy", new { policy = "cheapest" }, Json, Ct);
        await RegisterCentreAsync(office, "Dear " + accelerator, "guangzhou", accelerator, 16, 20m);
        await RegisterCentreAsync(office, "Cheap " + accelerator, "guangzhou", accelerator, 16, 10m);
        var placed = await SubmitAsync(enterprise, accelerator, devices: 4, hours: 2);
        var unplaced = await SubmitAsync(enterprise, accelerator, devices: 64, hours: 2);
        Assert.NotNull(placed.Placement);
        Assert.Null(unplaced.Placement);
        return (enterprise, placed.Id, unplaced.Id);
    }

    /// <summary>The explanation panel's reason line and its rejected centres' details, as a person reads them.</summary>
    private static (string Reason, IReadOnlyList<string> Details) Explanation(string page)
    {
        var html = WebUtility.HtmlDecode(page);
        var panel = html[html.IndexOf("data-testid=\"explanation\"", StringComparison.Ordinal)..];
        panel = panel[..panel.IndexOf("</section>", StringComparison.Ordinal)];
        return (ReasonLine().Match(panel).Groups[1].Value, [.. RejectedRow().Matches(panel).Select(m => m.Groups[3].Value)]);
    }

    [GeneratedRegex("<p data-testid=\"why-chosen\">(.*?)</p>")]
    private static partial Regex ReasonLine();

    [GeneratedRegex("<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td><td>(.*?)</td></tr>")]
    private static partial Regex RejectedRow();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

public sealed class ExplanationPageOnSqlite(ComputeSqliteApp app) : ExplanationPageTests(app), IClassFixture<ComputeSqliteApp>;

public sealed class ExplanationPageOnPostgres(ComputePostgresApp app) : ExplanationPageTests(app), IClassFixture<ComputePostgresApp>;
