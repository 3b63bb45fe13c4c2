using System.Text.Json;

namespace Funeng.Compute.Data;

/// <summary>
/// How Compute writes JSON into its own records and audit entries (web defaults: camelCase), in one place; messages
/// are kept as key and arguments (<see cref="StoredMessages"/>), worded only when read.
/// </summary>
internal static class ComputeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new StoredMessages.Converter() } };
}
