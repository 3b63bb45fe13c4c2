using System.Text.Json;
using System.Text.Json.Serialization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Data;

/// <summary>
/// Messages Compute stores for people to read later (a placement's reasons, a request's state reason) as a
/// <c>strings.json</c> key with typed arguments, so each reader gets them worded in their own language: an instant
/// stays an instant (shown in China Standard Time), a number a number (formatted for the reader's culture), a
/// bilingual name both names, a label its key.
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

    /// <summary>A stored state reason: keyed JSON as written by <see cref="Write"/>, or an old plain sentence.</summary>
    public static ProblemMessage? Read(string? stored) =>
        stored is null ? null
        : stored.StartsWith('{') ? JsonSerializer.Deserialize<ProblemMessage>(stored, ComputeJson.Options)
        : ProblemMessage.Of(RecordedInEnglish, stored);

    /// <summary>
    /// A stored note: keyed JSON when the system wrote it (a voucher from an award), else what a person typed,
    /// shown as typed in either language.
    /// </summary>
    public static ProblemMessage ReadNote(string stored) =>
        stored.StartsWith("{\"key\"", StringComparison.Ordinal) ? JsonSerializer.Deserialize<ProblemMessage>(stored, ComputeJson.Options)! : ProblemMessage.Fixed(stored);

    public static string Write(ProblemMessage message) => JsonSerializer.Serialize(message, ComputeJson.Options);

    /// <summary>
    /// Writes <c>{"key": …, "args": […]}</c> (or <c>{"text": …}</c> for a fixed text) and reads it back with each
    /// argument's type; a bare JSON string is an old English sentence.
    /// </summary>
    internal sealed class Converter : JsonConverter<ProblemMessage>
    {
        public override ProblemMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.String
                ? ProblemMessage.Of(RecordedInEnglish, document.RootElement.GetString())
                : MessageOf(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, ProblemMessage value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            WriteMessage(writer, value);
        }

        private static void WriteMessage(Utf8JsonWriter writer, ProblemMessage message)
        {
            writer.WriteStartObject();
            if (message.Key is null)
            {
                writer.WriteString("text", message.Text);
            }
            else
            {
                writer.WriteString("key", message.Key);
                if (message.Arguments.Count > 0)
                {
                    writer.WritePropertyName("args");
                    WriteList(writer, message.Arguments);
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteList(Utf8JsonWriter writer, IEnumerable<object?> arguments)
        {
            writer.WriteStartArray();
            foreach (var argument in arguments)
            {
                WriteArgument(writer, argument);
            }

            writer.WriteEndArray();
        }

        private static void WriteArgument(Utf8JsonWriter writer, object? argument)
        {
            switch (argument)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case int number: writer.WriteNumberValue(number); break;
                case long number: writer.WriteNumberValue(number); break;
                case double number: writer.WriteNumberValue(number); break;
                case decimal number: writer.WriteNumberValue(number); break;
                case DateTimeOffset instant:
                    writer.WriteStartObject();
                    writer.WriteString("at", instant.ToUniversalTime());
                    writer.WriteEndObject();
                    break;
                case LocalizedText both:
                    writer.WriteStartObject();
                    writer.WriteString("zh", both.Zh);
                    writer.WriteString("en", both.En);
                    writer.WriteEndObject();
                    break;
                case ProblemMessage nested: WriteMessage(writer, nested); break;
                case IEnumerable<object?> list: WriteList(writer, list); break;
                default: throw new NotSupportedException($"A stored message cannot keep a {argument.GetType().Name} argument.");
            }
        }

        private static ProblemMessage MessageOf(JsonElement element) =>
            element.TryGetProperty("key", out var key)
                ? ProblemMessage.Of(key.GetString()!, element.TryGetProperty("args", out var args) ? [.. args.EnumerateArray().Select(ArgumentOf)] : [])
                : ProblemMessage.Fixed(element.GetProperty("text").GetString() ?? "");

        // Numbers come back as decimal: exact for the yuan and device counts written, and formatted alike.
        private static object? ArgumentOf(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetDecimal(),
            JsonValueKind.Array => element.EnumerateArray().Select(ArgumentOf).ToList(),
            _ when element.TryGetProperty("at", out var at) => at.GetDateTimeOffset(),
            _ when element.TryGetProperty("zh", out var zh) => new LocalizedText(zh.GetString()!, element.GetProperty("en").GetString()!),
            _ => MessageOf(element),
        };
    }
}
