using System.Text.Json;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Data;

/// <summary>
/// Messages Compute stores for people to read later (a placement's reasons, a request's state reason), kept as
/// Kernel's <see cref="StoredMessage"/> (a <c>strings.json</c> key with typed arguments, worded when read).
/// <para>
/// Rows written before explanations were keyed hold an English sentence instead. That sentence cannot be
/// reworded (the centres, prices and clocks it was made from have changed since), so it is read as
/// <see cref="RecordedInEnglish"/>: shown as written, which a Chinese page says, rather than pretending to be keyed.
/// </para>
/// </summary>
internal static class StoredMessages
{
    /// <summary>The key a sentence stored before keyed messages is shown under.</summary>
    public const string RecordedInEnglish = "compute.explain.recorded-in-english";

    /// <summary>A stored state reason: keyed JSON as <see cref="StoredMessage.Write"/> writes it, or an old plain sentence.</summary>
    public static ProblemMessage? Read(string? stored) =>
        stored is null ? null
        : stored.StartsWith('{') ? JsonSerializer.Deserialize<ProblemMessage>(stored, ComputeJson.Options)
        : ProblemMessage.Of(RecordedInEnglish, stored);

    /// <summary>
    /// A stored note: keyed JSON when the system wrote it (a voucher from an award), else what a person typed,
    /// shown as typed in either language; so is a typed note that only looks keyed (<c>{"key": …</c> cut short).
    /// </summary>
    public static ProblemMessage ReadNote(string stored) => StoredMessage.Read(stored, ProblemMessage.Fixed);
}
