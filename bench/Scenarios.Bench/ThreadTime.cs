using System.Runtime.InteropServices;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// CPU time of the calling thread (Linux, CLOCK_THREAD_CPUTIME_ID), in milliseconds: on a shared 2-core machine the
/// wall clock of a query also counts the time other processes held the cores; this counts only the query's own work.
/// </summary>
internal static partial class ThreadTime
{
    private const int ThreadCpuTimeClock = 3;

    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeClock, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
