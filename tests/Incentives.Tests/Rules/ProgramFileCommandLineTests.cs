using Funeng.TestSupport;

namespace Funeng.Incentives.Tests.Rules;

/// <summary>
/// A bad program file stops the start-up of whatever host reads it; the real funeng CLI (<c>seed demo</c>) then
/// names each problem by file, line and field in its language: zh-CN by default, English with <c>--culture en</c>.
/// (The program's cases file is refused too, as its program is: three problems.)
/// </summary>
public abstract class ProgramFileCommandLineTests(ITestApp app)
{
    private const string Champion = "programs/single-champion-reward.yaml";

    [Fact]
    public async Task A_bad_program_file_stops_the_start_naming_its_problems_in_Chinese_by_default_and_in_English_when_asked()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t
            .Replace("expert_review: false", "expert_review: false\nexpert_reveiw: true", StringComparison.Ordinal)
            .Replace("maximum: max_award", "maximum: max_award +", StringComparison.Ordinal));
        var misspelt = $"{Champion}:{GuangdongPrograms.LineOf(pack, Champion, "expert_reveiw: true")}: expert_reveiw";
        var formula = $"{Champion}:{GuangdongPrograms.LineOf(pack, Champion, "maximum: max_award +")}: award.maximum";
        var environment = new Dictionary<string, string?> { ["Incentives__PackDirectory"] = pack };

        var (chineseExit, chinese) = await FunengCli.RunAsync(app, environment, "seed", "demo");
        Assert.NotEqual(0, chineseExit);
        Assert.Contains("启动中止：数据文件有 3 个问题", chinese, StringComparison.Ordinal);
        Assert.Contains($"{misspelt}: 未知字段（是否拼写有误？）", chinese, StringComparison.Ordinal);
        Assert.Contains($"{formula}: 公式过早结束", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("datafile.", chinese, StringComparison.Ordinal);

        var (englishExit, english) = await FunengCli.RunAsync(app, environment, "seed", "demo", "--culture", "en");
        Assert.NotEqual(0, englishExit);
        Assert.Contains("Start-up stopped: the data files have 3 problems", english, StringComparison.Ordinal);
        Assert.Contains($"{misspelt}: unknown field", english, StringComparison.Ordinal);
        Assert.Contains($"{formula}: the formula ends too early", english, StringComparison.Ordinal);
    }
}

public sealed class ProgramFileCommandLineOnSqlite(IncentivesSqliteApp app) : ProgramFileCommandLineTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ProgramFileCommandLineOnPostgres(IncentivesPostgresApp app) : ProgramFileCommandLineTests(app), IClassFixture<IncentivesPostgresApp>;
