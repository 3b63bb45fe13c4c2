using Funeng.TestSupport;

namespace Funeng.Compute.Tests.Simulation;

/// <summary>
/// <c>funeng compute simulate</c> run as the real process: its summary and its problems read in the CLI's one
/// language, zh-CN unless <c>--culture en</c> or the environment asks for English (docs/decisions/0015).
/// </summary>
public sealed class SimulateCommandTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>, IDisposable
{
    private const string Centres = """{"centres": [{"name": "GZ", "city": "guangzhou", "pools": [{"name": "p", "accelerator": "A800", "devices": 8, "fp16_tflops": 312, "price_per_device_hour": 10}]}]}""";

    private readonly TraceSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    [Theory]
    [InlineData(new string[0], "个作业（跳过 0 条）", "平均完成时间（小时）", "已写入")]
    [InlineData(new[] { "--culture", "en" }, "jobs (0 entries skipped)", "Average JCT (h)", "Wrote")]
    public async Task The_summary_reads_in_chinese_by_default_and_in_english_with_culture_en(string[] culture, string summary, string column, string wrote)
    {
        var output = Path.Combine(_samples.Folder, "sim.json");
        var trace = _samples.Csv("a,u,0,3600,4", "b,v,10,7200,2");

        var (exit, text) = await FunengCli.RunAsync(app, ["compute", "simulate", "--trace", trace, "--format", "csv", "--centres", _samples.Centres(Centres), "--policy", "fifo,cheapest", "--output", output, .. culture]);

        Assert.True(exit == 0, text);
        Assert.Contains(summary, text, StringComparison.Ordinal);
        Assert.Contains(column, text, StringComparison.Ordinal);
        Assert.Contains(wrote + " " + output, text, StringComparison.Ordinal);
        Assert.Contains("\"policy\": \"cheapest\"", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "trace.csv 第 3 行“duration_seconds”列：“-5”不是大于 0 的秒数。")]
    [InlineData(null, "en_US.UTF-8", "trace.csv line 3, column duration_seconds: '-5' is not a number of seconds > 0.")]
    [InlineData("zh-CN", "en_US.UTF-8", "trace.csv 第 3 行“duration_seconds”列：“-5”不是大于 0 的秒数。")]
    [InlineData("en", null, "trace.csv line 3, column duration_seconds: '-5' is not a number of seconds > 0.")]
    public async Task A_bad_trace_line_is_named_in_the_language_the_environment_chooses_without_culture(string? funengCulture, string? lang, string problem)
    {
        var trace = _samples.Csv("a,u,0,3600,4", "b,u,10,-5,1");
        var environment = new Dictionary<string, string?> { ["FUNENG_CULTURE"] = funengCulture, ["LANG"] = lang ?? "C.UTF-8" };

        var (exit, text) = await FunengCli.RunAsync(app, environment, "compute", "simulate", "--trace", trace, "--format", "csv", "--centres", _samples.Centres(Centres));

        Assert.Equal(1, exit);
        Assert.Contains(problem, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_centres_file_is_named_by_its_field_in_english_when_asked()
    {
        var centres = _samples.Centres("""{"centres": [{"name": "GZ", "city": "paris", "pools": []}]}""");

        var (exit, text) = await FunengCli.RunAsync(app, "compute", "simulate", "--trace", _samples.Csv("a,u,0,3600,4"), "--format", "csv", "--centres", centres, "--culture", "en");

        Assert.Equal(1, exit);
        Assert.Contains("centres.json field centres[0].city: 'paris' is not the slug of a Guangdong city", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "要回放的作业轨迹。")]
    [InlineData(new[] { "--culture", "en" }, "The job trace to replay.")]
    public async Task Help_texts_are_in_the_chosen_language(string[] culture, string traceHelp)
    {
        var (exit, text) = await FunengCli.RunAsync(app, ["compute", "simulate", "--help", .. culture]);

        Assert.True(exit == 0, text);
        Assert.Contains(traceHelp, text, StringComparison.Ordinal);
    }
}
