namespace Funeng.Incentives.Data;

/// <summary>
/// An event for other modules, written in the same transaction as the change it reports, so a committed change is
/// never lost to a crash before other modules hear of it; delivered after commit and marked then.
/// </summary>
internal sealed class OutboxMessage
{
    /// <summary>
    /// Messages are delivered in this order. Changes of one award hold its program's lock until they commit, so its
    /// messages' ids follow the order of their commits (an approval's before its clawback's).
    /// </summary>
    public long Id { get; set; }

    public string Topic { get; set; } = "";

    public string PayloadJson { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
