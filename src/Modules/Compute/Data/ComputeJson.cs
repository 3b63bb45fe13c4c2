using System.Text.Json;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Data;

/// <summary>
/// How Compute writes JSON into its own records and audit entries (web defaults: camelCase), in one place; messages
/// are kept as key and arguments (<see cref="StoredMessages"/>), worded only when read. Chinese is written as
/// itself, not as \uXXXX escapes (six characters each), so a centre's Chinese name in a state reason fits its
/// 1,000-character column; characters HTML treats specially are still escaped.
/// </summary>
internal static class ComputeJson
{
    public static readonly JsonSerializerOptions Options = StoredMessage.OptionsFor(StoredMessages.RecordedInEnglish);
}
