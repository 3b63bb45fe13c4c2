using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Indicators;
using Funeng.Policy.Contracts;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Index.Tests.Hosting;

/// <summary>
/// The module-only host the Index tests run on boots Index and Platform and nothing of the other five modules: no
/// service, page or endpoint of theirs; what Index asks of them (Policy's targets, the live figures) a fake answers.
/// </summary>
public sealed class IndexAloneTests(IndexSqliteApp app) : IClassFixture<IndexSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Index_and_Platform_and_nothing_of_the_other_modules()
    {
        Assert.Empty(app.BootProblems());
        Assert.IsType<FakePolicyQueries>(app.Services.GetRequiredService<IPolicyQueries>());
    }

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_indexs_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policy/targets", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/policy", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalog", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/index/indicators", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/empowerment-index/method", Ct)).StatusCode);
    }

    [Fact]
    public async Task Progress_is_measured_against_the_targets_the_fake_answers_from_the_figures_the_fake_source_counts()
    {
        var policy = app.Services.GetRequiredService<FakePolicyQueries>();
        var live = app.Services.GetRequiredService<FakeLiveIndicatorSource>();
        var reads = live.Calls.All.Count;
        policy.Answer(TestTargets.Of("industry_datasets", 40, 2060, TargetCounting.Level, scope: "city:meizhou", comparator: Comparator.AtLeast, id: "alone-test"));
        live.Answer(new LiveObservation("industry_datasets", "city:meizhou", 2060, 10, "test: datasets"));
        try
        {
            var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/progress?year=2060&scope=city:meizhou", Ct);

            var row = Assert.Single(progress.EnumerateArray());
            Assert.Equal(("alone-test", 40m, 10m), (row.GetProperty("targetId").GetString(), row.GetProperty("goal").GetDecimal(), row.GetProperty("latest").GetDecimal()));
            Assert.Contains(new TargetFilter(2060, "city:meizhou"), policy.Calls.Of(nameof(IPolicyQueries.ListTargetsAsync)).Select(c => c.Arguments[0]));
            Assert.True(live.Calls.All.Count > reads);
        }
        finally
        {
            policy.Answer();
            live.Answer();
        }
    }
}
