using Funeng.Kernel.Web;

namespace Funeng.Incentives.Awards;

/// <summary>
/// Why a ledger transaction was posted, as a person reads it on an award's ledger: stored keyed (a budget set, an
/// award to whom and on what basis, a payment, a clawback and its reason) and worded in the reader's language. Memos
/// posted before they were keyed are English sentences, shown as written after a note on Chinese pages.
/// </summary>
internal static class LedgerMemo
{
    /// <summary>At most this many characters of a name or typed reason go into a memo (its column holds 500; the audit entry keeps the whole text).</summary>
    private const int MaxTyped = 120;

    public static ProblemMessage Read(string stored) => StoredMessage.Read(stored, StoredMessage.RecordedInEnglish);

    /// <summary>A name or typed text cut to fit the memo column, marked with … when cut.</summary>
    public static string Short(string text) => text.Length <= MaxTyped ? text : text[..(MaxTyped - 1)] + "…";

    /// <summary>A reason with its typed text (its string arguments) cut to fit the memo column.</summary>
    public static ProblemMessage Short(ProblemMessage reason) =>
        reason.Key is null ? reason : ProblemMessage.Of(reason.Key, [.. reason.Arguments.Select(a => a is string s ? Short(s) : a)]);
}
