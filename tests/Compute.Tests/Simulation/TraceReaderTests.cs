using Funeng.Compute.Simulation;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Tests.Simulation;

public sealed class TraceReaderTests : IDisposable
{
    private readonly TraceSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task Reads_a_philly_job_log_from_first_attempt_start_to_last_attempt_end()
    {
        var result = await TraceReaders.ReadAsync(_samples.Philly(), TraceFormat.Philly, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Skipped); // the job with no attempts
        var retried = result.Jobs.Single(j => j.Id == "application_1_1");
        Assert.Equal((8, "u1"), (retried.Gpus, retried.User));
        Assert.Equal(new DateTimeOffset(2017, 10, 7, 1, 11, 39, TimeSpan.Zero), retried.Submitted);
        Assert.Equal(new TimeSpan(2, 1, 14), retried.Duration); // 01:12:09 → 03:13:23
        Assert.Equal(1, result.Jobs.Single(j => j.Id == "application_1_2").Gpus);
    }

    [Fact]
    public async Task Reads_an_alibaba_task_table_with_submission_times_from_the_job_table_beside_it()
    {
        var result = await TraceReaders.ReadAsync(_samples.Alibaba(), TraceFormat.Alibaba, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Skipped); // j3 holds no GPU
        var j1 = result.Jobs.Single(j => j.Id == "j1");
        Assert.Equal((1, "userA"), (j1.Gpus, j1.User));   // 2 instances × 50 %
        Assert.Equal(TimeSpan.FromSeconds(3900), j1.Duration); // 1100 → 5000
        var j2 = result.Jobs.Single(j => j.Id == "j2");
        Assert.Equal(8, j2.Gpus);
        Assert.Equal(TimeSpan.FromSeconds(500), j2.Submitted - j1.Submitted); // 1500 vs 1000 in pai_job_table
    }

    [Theory]
    [InlineData(TraceFormat.AlibabaOpenb)]
    [InlineData(TraceFormat.Alibaba)] // recognised by its header
    internal async Task Reads_an_alibaba_2023_pod_list_from_scheduled_to_deleted_time(TraceFormat format)
    {
        var result = await TraceReaders.ReadAsync(_samples.AlibabaOpenb(), format, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Skipped); // the pending pod and the CPU-only pod
        var wide = result.Jobs.Single(j => j.Id == "openb-pod-0017");
        Assert.Equal((8, "Burstable"), (wide.Gpus, wide.User));
        Assert.Equal(TimeSpan.FromSeconds(10769854 - 9437557), wide.Duration);
        var shared = result.Jobs.Single(j => j.Id == "openb-pod-0018");
        Assert.Equal((1, TimeSpan.FromHours(1)), (shared.Gpus, shared.Duration));
        Assert.Equal(TimeSpan.FromSeconds(9476974 - 9437497), shared.Submitted - wide.Submitted);
    }

    [Theory]
    [InlineData("openb-pod-9,1,1,x,1000,,LS,Running,10,20,10", "line 6.num_gpu", "line 6, column num_gpu: 'x' is not a whole number from 0 to 64.")]
    [InlineData("openb-pod-9,1,1,1,1000,,LS,Running,30,20,30", "line 6.deletion_time", "line 6, column deletion_time: '20' is not a whole number of at least 30.")]
    [InlineData("openb-pod-9,1,1,1,1000,,LS,Running,10,20,25", "line 6.scheduled_time", "line 6, column scheduled_time: '25' is not a whole number from 10 to 20.")]
    [InlineData("openb-pod-9,1,1,1,1000,,LS,Lost,10,20,10", "line 6.pod_phase", "line 6, column pod_phase: 'Lost' is not one of Succeeded, Running, Pending, Failed.")]
    [InlineData("openb-pod-9,1,1,1,1000,LS,Running,10,20,10", "line 6", "line 6: has 10 columns, not 11.")]
    public async Task A_malformed_pod_row_is_named_by_line_and_column(string row, string location, string english)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => TraceReaders.ReadAsync(_samples.AlibabaOpenb(row), TraceFormat.AlibabaOpenb, TestContext.Current.CancellationToken));

        var problem = Assert.Single(TraceProblem.Among(error));
        Assert.Equal(location, problem.Location);
        Assert.Equal("openb_pod_list_default.csv " + english, ComputeText.English(problem.Description));
    }

    [Fact]
    public async Task An_unknown_header_is_refused_when_the_pod_list_format_is_asked_for()
    {
        var file = _samples.Write("pods.csv", "name,gpus\npod-1,2\n");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => TraceReaders.ReadAsync(file, TraceFormat.AlibabaOpenb, TestContext.Current.CancellationToken));

        Assert.Equal("line 1", Assert.Single(TraceProblem.Among(error)).Location);
    }

    [Theory]
    [InlineData("alibaba-openb", TraceFormat.AlibabaOpenb)]
    [InlineData("Alibaba_Openb", TraceFormat.AlibabaOpenb)]
    [InlineData("philly", TraceFormat.Philly)]
    internal void Format_names_parse_as_written_on_the_command_line(string name, TraceFormat expected)
    {
        Assert.True(TraceFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.False(TraceFormats.TryParse("google", out _));
    }

    [Fact]
    public async Task A_malformed_csv_row_is_named_by_line_and_column_in_the_readers_language()
    {
        var file = _samples.Csv("a,u,0,3600,4", "b,u,10,-5,1");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => TraceReaders.ReadAsync(file, TraceFormat.Csv, TestContext.Current.CancellationToken));

        var problem = Assert.Single(TraceProblem.Among(error));
        Assert.Equal("line 3.duration_seconds", problem.Location);
        Assert.Equal("trace.csv 第 3 行“duration_seconds”列：“-5”不是大于 0 的秒数。", ComputeText.Chinese(problem.Description));
        Assert.Equal("trace.csv line 3, column duration_seconds: '-5' is not a number of seconds > 0.", ComputeText.English(problem.Description));
    }

    [Fact]
    public async Task A_philly_job_with_a_bad_time_is_named_by_its_place_in_the_array()
    {
        var file = _samples.Write("cluster_job_log", """
            [{"jobid": "application_1", "user": "u", "submitted_time": "2017-10-07 01:11:39",
              "attempts": [{"start_time": "07/10/2017", "end_time": "2017-10-07 02:00:00", "detail": [{"ip": "m1", "gpus": ["gpu0"]}]}]}]
            """);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => TraceReaders.ReadAsync(file, TraceFormat.Philly, TestContext.Current.CancellationToken));

        var problem = Assert.Single(TraceProblem.Among(error));
        Assert.Equal("cluster_job_log 第 1 个作业的“start_time”：“07/10/2017”不是 yyyy-MM-dd HH:mm:ss 格式的时间。", ComputeText.Chinese(problem.Description));
    }

    [Theory]
    [InlineData("""{"centres": [{"name": "GZ", "city": "guangzhou", "pools": [{"name": "p", "devices": 0, "fp16_tflops": 312}]}]}""",
        "centres[0].pools[0].devices", "centres.json 字段“centres[0].pools[0].devices”：为 0，至少应为 1。")]
    [InlineData("""{"centres": [{"name": "GZ", "city": "gz", "pools": []}]}""",
        "centres[0].city", "centres.json 字段“centres[0].city”：“gz”不是广东省地市的代码（如 guangzhou、shenzhen）。")]
    [InlineData("""{"centres": []}""", "centres", "centres.json 字段“centres”：没有列出任何算力中心。")]
    [InlineData("{\n\"centres\": [{\"name\": 5}]}", "line 2", "centres.json 第 2 行：不是有效的算力中心 JSON（读到 $.centres[0].name 时出错）。")]
    public void A_bad_centres_file_names_the_field_in_the_readers_language(string json, string location, string chinese)
    {
        var file = _samples.Centres(json);

        var error = Assert.Throws<InvalidInputException>(() => CentresPlan.Load(file));

        var problem = Assert.Single(TraceProblem.Among(error));
        Assert.Equal(location, problem.Location);
        Assert.Equal(chinese, ComputeText.Chinese(problem.Description));
    }
}
