namespace Funeng.Platform.Data;

/// <summary>
/// The signed head of the audit chain: how many entries there are and the last one's MAC, itself under a MAC with
/// the audit key. Rewritten in the same transaction as every append, so removing the last entries (truncation)
/// leaves a head that names more entries than there are, and without the key no one can write a matching one.
/// One row (<see cref="SingletonId"/>).
/// </summary>
internal sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Count { get; set; }

    public string LastHash { get; set; } = "";

    public string Signature { get; set; } = "";
}
