namespace Funeng.Compute.Simulation;

/// <summary>One job of a GPU-cluster trace, reduced to what placement needs.</summary>
/// <param name="Id">The trace's job id.</param>
/// <param name="User">The (hashed) user, for fair share and for the job's home city.</param>
/// <param name="Submitted">When the job was submitted.</param>
/// <param name="Duration">How long it ran once started (from the first attempt's start to the last attempt's end).</param>
/// <param name="Gpus">How many GPUs it held.</param>
internal sealed record TraceJob(string Id, string User, DateTimeOffset Submitted, TimeSpan Duration, int Gpus);

/// <summary>The formats <c>funeng compute simulate</c> reads.</summary>
internal enum TraceFormat
{
    /// <summary>Microsoft Philly <c>cluster_job_log</c>: a JSON array of jobs with attempts.</summary>
    Philly,

    /// <summary>
    /// Alibaba: PAI cluster-trace-gpu-v2020 <c>pai_task_table.csv</c> (with <c>pai_job_table.csv</c> beside it for
    /// submission times, if present), or a cluster-trace-gpu-v2023 pod list, recognised by its header.
    /// </summary>
    Alibaba,

    /// <summary>Alibaba cluster-trace-gpu-v2023 <c>openb_pod_list_*.csv</c> (pods with creation, scheduled and deletion times).</summary>
    AlibabaOpenb,

    /// <summary>Funeng's own CSV: <c>job_id,user,submit_seconds,duration_seconds,gpus</c> with that header.</summary>
    Csv,
}

/// <summary>Format names as written on the command line: philly, alibaba, alibaba-openb, csv.</summary>
internal static class TraceFormats
{
    public static IReadOnlyList<string> Names { get; } = ["philly", "alibaba", "alibaba-openb", "csv"];

    public static string Of(TraceFormat format) => format switch
    {
        TraceFormat.Philly => "philly",
        TraceFormat.Alibaba => "alibaba",
        TraceFormat.AlibabaOpenb => "alibaba-openb",
        _ => "csv",
    };

    public static bool TryParse(string? name, out TraceFormat format)
    {
        foreach (var candidate in Enum.GetValues<TraceFormat>())
        {
            if (string.Equals(Of(candidate), name?.Trim().Replace('_', '-'), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}

/// <summary>Ids derived from names, so a replay breaks ties the same way every run and its figures repeat.</summary>
internal static class StableIds
{
    public static Guid Of(string text) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
