namespace Funeng.Incentives.Awards;

/// <summary>
/// TEST ONLY. Lets the crash test kill a real process in the middle of an approval: when the environment variable
/// <see cref="Variable"/> is <see cref="BeforeAward"/> at start, an approval that has written its ledger entries
/// (inside its open transaction) prints <see cref="Marker"/> and waits there until the process is killed. Unset,
/// as in every real deployment, it does nothing.
/// </summary>
internal sealed class ApprovalPause
{
    public const string Variable = "FUNENG_TEST_ONLY_PAUSE_APPROVAL";
    public const string BeforeAward = "before-award";
    public const string Marker = "TEST-ONLY PAUSE: ledger entries written, award not yet written";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == BeforeAward;

    public static async Task BeforeAwardAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        await Console.Out.WriteLineAsync($"{Marker} ({applicationId})");
        await Console.Out.FlushAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
