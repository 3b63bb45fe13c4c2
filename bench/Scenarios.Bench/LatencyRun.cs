namespace Funeng.Scenarios.Bench;

internal static class LatencyRun
{
    public static string Run(string work, int listings, int scenarios) => throw new NotImplementedException();
}
