using System.Net.Http.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Index.Tests.Observations;

/// <summary>
/// A recorded observation as the office's audit page tells it (issue 11): the indicator and the city by their
/// names, the status and the channel by their labels, in the reader's language; the typed source as typed.
/// </summary>
public abstract class ObservationAuditTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recorded_observation_reads_in_Chinese_and_in_English_on_the_audit_page()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var posted = await office.Client.PostAsJsonAsync("/api/v1/index/observations",
            new { indicator = "algorithm_filings", scope = "city:zhaoqing", year = 2031, value = 17, source = "肇庆市网信办通报", publish = true }, Ct);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));

        var browser = await app.SignInAsync(office, Ct);
        var chinese = Assert.Single(await AuditPage.ReadAsync(browser, "zh-CN", Ct), r => r.Details.Contains("肇庆市网信办通报", StringComparison.Ordinal));
        var english = Assert.Single(await AuditPage.ReadAsync(browser, "en", Ct), r => r.Sequence == chinese.Sequence);

        Assert.StartsWith("录入观测值 ", chinese.Action, StringComparison.Ordinal);
        Assert.Equal("算法备案数（累计）（肇庆，2031 年）第 1 版 = 17（已发布；接口；来源：肇庆市网信办通报）", chinese.Details);
        Assert.StartsWith("Observations recorded ", english.Action, StringComparison.Ordinal);
        Assert.Equal("Algorithms filed (cumulative) (Zhaoqing, 2031) version 1 = 17 (published; API; source: 肇庆市网信办通报)", english.Details);
    }
}

public sealed class ObservationAuditOnSqlite(IndexSqliteApp app) : ObservationAuditTests(app), IClassFixture<IndexSqliteApp>;
