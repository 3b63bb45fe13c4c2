using Funeng.Compute.Simulation;

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

    [Fact]
    public async Task A_malformed_csv_row_is_named_by_line_and_column()
    {
        var file = _samples.Csv("a,u,0,3600,4", "b,u,10,-5,1");

        var error = await Assert.ThrowsAsync<TraceFormatException>(() => TraceReaders.ReadAsync(file, TraceFormat.Csv, TestContext.Current.CancellationToken));

        Assert.Equal("line 3", error.Where);
        Assert.Contains("duration_seconds '-5'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_centres_file_with_a_bad_pool_names_the_field()
    {
        var file = _samples.Centres("""{"centres": [{"name": "GZ", "city": "guangzhou", "pools": [{"name": "p", "devices": 0, "fp16_tflops": 312}]}]}""");

        var error = Assert.Throws<TraceFormatException>(() => CentresPlan.Load(file));

        Assert.Equal("centres[0].pools[0].devices", error.Where);
    }
}
