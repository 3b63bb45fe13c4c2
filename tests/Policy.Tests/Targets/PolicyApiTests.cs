using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Funeng.Policy.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Policy.Tests.Targets;

/// <summary>
/// The policy API and pack import through the real pipeline, with Policy booted alone (it needs no other module to
/// answer these); runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class PolicyApiTests(ITestApp app)
{
    [Fact]
    public async Task Targets_for_2027_list_every_required_2027_figure_with_its_measure()
    {
        var targets = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/targets?year=2027", TestContext.Current.CancellationToken);
        var rows = targets.EnumerateArray().ToList();
        foreach (var required in GuangdongPack.RequiredTargets.Where(r => r.Year is 2027 or null))
        {
            var row = rows.SingleOrDefault(r => r.GetProperty("indicator").GetString() == required.Indicator);
            Assert.True(row.ValueKind == JsonValueKind.Object, $"{required.Indicator} is missing from year=2027");
            Assert.Equal(required.Value, row.GetProperty("value").GetDecimal());
            var measure = row.GetProperty("measure");
            Assert.Equal(required.Document, measure.GetProperty("documentId").GetString());
            Assert.False(string.IsNullOrEmpty(measure.GetProperty("title").GetProperty("zh").GetString()));
            if (required.Measure is not null)
            {
                Assert.Equal(required.Measure, measure.GetProperty("number").GetString());
            }
        }

        Assert.DoesNotContain(rows, r => r.GetProperty("year").ValueKind == JsonValueKind.Number && r.GetProperty("year").GetInt32() != 2027);
    }

    [Fact]
    public async Task Targets_filter_by_scope_and_indicator()
    {
        var client = app.Anonymous();
        var guangzhou = await client.GetFromJsonAsync<JsonElement>("/api/v1/policy/targets?scope=city:guangzhou", TestContext.Current.CancellationToken);
        Assert.Equal(4, guangzhou.GetArrayLength());
        Assert.All(guangzhou.EnumerateArray(), t => Assert.Equal("city:guangzhou", t.GetProperty("scope").GetString()));

        var compute = await client.GetFromJsonAsync<JsonElement>("/api/v1/policy/targets?indicator=compute_capacity", TestContext.Current.CancellationToken);
        Assert.Equal([40m, 60m], compute.EnumerateArray().Select(t => t.GetProperty("value").GetDecimal()));
        Assert.All(compute.EnumerateArray(), t => Assert.Equal("more_than", t.GetProperty("comparator").GetString()));
    }

    [Fact]
    public async Task A_bad_scope_is_a_problem_that_names_the_field()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/policy/targets?scope=mars&culture=zh-CN", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("“mars”不是“province”（全省）或“city:地市代码”（如 city:guangzhou）。", problem.GetProperty("errors").GetProperty("scope")[0].GetString());
    }

    [Fact]
    public async Task A_year_out_of_range_is_told_in_Chinese()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/policy/targets?year=1800&culture=zh-CN", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("请填写 2000 至 2100 之间的年份。", problem.GetProperty("errors").GetProperty("year")[0].GetString());
    }

    [Fact]
    public async Task A_missing_document_is_a_404_problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/policy/documents/no-such-document?culture=zh-CN", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("没有编号为“no-such-document”的政策文件。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Documents_list_the_four_sources_with_their_measures()
    {
        var documents = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/documents", TestContext.Current.CancellationToken);
        Assert.Equal(
            ["gd-2024-ai-empowerment", "gd-ai-robotics-measures", "gz-2026-ai-work-points", "zs-2019-ai-action-plan"],
            documents.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/documents/gd-2024-ai-empowerment", TestContext.Current.CancellationToken);
        Assert.Equal(46, detail.GetProperty("measures").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_pack_is_refused_and_the_database_is_unchanged()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyDb>();
        var before = await SnapshotAsync(db);
        var bad = GuangdongPack.CopyWith("documents/gd-ai-robotics-measures.yaml", t => t.Replace("value: 10\n", "value: ten\n", StringComparison.Ordinal));
        // A valid change elsewhere in the same pack must not be written either.
        File.WriteAllText(Path.Combine(bad, "documents/gd-2024-ai-empowerment.yaml"),
            File.ReadAllText(Path.Combine(bad, "documents/gd-2024-ai-empowerment.yaml")).Replace("value: 40\n", "value: 45\n", StringComparison.Ordinal));

        var commands = scope.ServiceProvider.GetRequiredService<IPolicyPacks>();
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => commands.ImportAsync(bad, TestContext.Current.CancellationToken));

        var error = Assert.Single(DataFileError.Among(refused));
        Assert.Equal("documents/gd-ai-robotics-measures.yaml", error.File);
        Assert.EndsWith(".value", error.Field, StringComparison.Ordinal);
        Assert.Equal(GuangdongPack.LineOf(bad, "documents/gd-ai-robotics-measures.yaml", "value: ten"), error.Line);
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Fact]
    public async Task Re_importing_an_unchanged_pack_changes_nothing_and_a_changed_one_replaces_it()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<IPolicyPacks>();
        var unchanged = await commands.ImportAsync(GuangdongPack.Directory, TestContext.Current.CancellationToken);
        Assert.False(unchanged.Changed);

        var changed = GuangdongPack.CopyWith("documents/gd-2024-ai-empowerment.yaml", t => t.Replace("value: 60\n", "value: 61\n", StringComparison.Ordinal));
        var result = await commands.ImportAsync(changed, TestContext.Current.CancellationToken);
        Assert.True(result.Changed);
        try
        {
            var compute = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/targets?indicator=compute_capacity&year=2027", TestContext.Current.CancellationToken);
            Assert.Equal(61m, compute.EnumerateArray().Single().GetProperty("value").GetDecimal());
        }
        finally
        {
            await commands.ImportAsync(GuangdongPack.Directory, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_command_line_refuses_a_bad_pack_naming_file_line_and_field_and_imports_a_good_one()
    {
        var bad = GuangdongPack.CopyWith("documents/gz-2026-ai-work-points.yaml", t => t.Replace("year: 2026", "year: twenty", StringComparison.Ordinal));
        var line = GuangdongPack.LineOf(bad, "documents/gz-2026-ai-work-points.yaml", "year: twenty");

        var (validateExit, validateOutput) = await FunengCli.RunAsync(app, "policy", "validate", bad, "--culture", "en");
        Assert.Equal(1, validateExit);
        Assert.Matches($@"documents/gz-2026-ai-work-points\.yaml:{line}: targets\[\d+\]\.year: 'twenty' is not a whole number", validateOutput);

        var (importExit, importOutput) = await FunengCli.RunAsync(app, "policy", "import", bad, "--culture", "en");
        Assert.Equal(1, importExit);
        Assert.Contains("nothing was loaded", importOutput, StringComparison.Ordinal);

        var (goodExit, goodOutput) = await FunengCli.RunAsync(app, "policy", "import", GuangdongPack.Directory, "--culture", "en");
        Assert.True(goodExit == 0, goodOutput);
        Assert.Contains("already loaded", goodOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_tells_a_bad_packs_problems_in_Chinese_by_default_and_in_English_when_asked()
    {
        const string file = "documents/gz-2026-ai-work-points.yaml";
        var bad = GuangdongPack.CopyWith(file, t =>
        {
            var at = t.IndexOf("year: 2026", StringComparison.Ordinal);
            return string.Concat(t.AsSpan(0, at), "year: twenty\n    yaer: 2026", t.AsSpan(at + "year: 2026".Length));
        });
        var year = GuangdongPack.LineOf(bad, file, "year: twenty");
        var misspelt = GuangdongPack.LineOf(bad, file, "yaer: 2026");

        var (chineseExit, chinese) = await FunengCli.RunAsync(app, "policy", "validate", bad);
        Assert.Equal(1, chineseExit);
        Assert.Contains("政策包被拒绝（2 个问题）", chinese, StringComparison.Ordinal);
        Assert.Matches($@"documents/gz-2026-ai-work-points\.yaml:{year}: targets\[\d+\]\.year: “twenty”不是整数", chinese);
        Assert.Matches($@"documents/gz-2026-ai-work-points\.yaml:{misspelt}: targets\[\d+\]\.yaer: 未知字段", chinese);
        Assert.DoesNotContain("not a whole number", chinese, StringComparison.Ordinal);

        var (englishExit, english) = await FunengCli.RunAsync(app, "policy", "validate", bad, "--culture", "en");
        Assert.Equal(1, englishExit);
        Assert.Contains("The pack was refused (2 problems)", english, StringComparison.Ordinal);
        Assert.Matches($@"documents/gz-2026-ai-work-points\.yaml:{year}: targets\[\d+\]\.year: 'twenty' is not a whole number", english);
        Assert.Matches($@"documents/gz-2026-ai-work-points\.yaml:{misspelt}: targets\[\d+\]\.yaer: unknown field", english);
    }

    /// <summary>Issue 11: a YAML syntax error reaches a Chinese reader in Chinese only, the parser's English left out.</summary>
    [Fact]
    public async Task The_command_line_tells_a_YAML_syntax_error_by_line_and_column_in_the_readers_language()
    {
        const string file = "documents/gz-2026-ai-work-points.yaml";
        var bad = GuangdongPack.CopyWith(file, t => t.Replace("\n  zh: 广州市2026年", "\n\tzh: 广州市2026年", StringComparison.Ordinal));
        var line = GuangdongPack.LineOf(bad, file, "\tzh: 广州市2026年");

        var (importExit, chinese) = await FunengCli.RunAsync(app, "policy", "import", bad);
        Assert.Equal(1, importExit);
        Assert.Contains("政策包被拒绝（1 个问题）", chinese, StringComparison.Ordinal);
        Assert.Contains($"{file}:{line}: (syntax): YAML 语法错误（第 {line} 行第 1 列）：缩进里有制表符（Tab）：YAML 只能用空格缩进", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("scanning", chinese, StringComparison.OrdinalIgnoreCase);

        var (validateExit, english) = await FunengCli.RunAsync(app, "policy", "validate", bad, "--culture", "en");
        Assert.Equal(1, validateExit);
        Assert.Contains($"{file}:{line}: (syntax): YAML syntax error at line {line}, column 1: a tab is used for indentation: YAML indents with spaces only", english, StringComparison.Ordinal);
    }

    private static async Task<string> SnapshotAsync(PolicyDb db)
    {
        var pack = await db.Packs.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        var targets = await db.Targets.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id + "=" + t.Value).ToListAsync(TestContext.Current.CancellationToken);
        return $"{pack.ContentHash}|{await db.Documents.CountAsync(TestContext.Current.CancellationToken)}|{await db.Measures.CountAsync(TestContext.Current.CancellationToken)}|{string.Join(",", targets)}";
    }
}

public sealed class PolicyApiOnSqlite(PolicySqliteApp app) : PolicyApiTests(app), IClassFixture<PolicySqliteApp>;

public sealed class PolicyApiOnPostgres(PolicyPostgresApp app) : PolicyApiTests(app), IClassFixture<PolicyPostgresApp>;
