using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Web;

/// <summary>
/// A message stored for people to read later (a placement's reasons, an audit entry's details) as a
/// <c>strings.json</c> key with typed arguments, so each reader gets it worded in their own language when it is
/// shown: an instant stays an instant (shown in China Standard Time), a number a number (formatted for the reader's
/// culture), a bilingual name both names, a label its key (a nested message).
/// <para>
/// Records written before their messages were keyed hold a sentence instead. It cannot be reworded (what it was
/// made from has changed since), so each module reads it under a key of its own that shows it as written and, on
/// Chinese pages, says that it was recorded in English (<see cref="Converter"/>'s <c>recordedInEnglishKey</c>).
/// </para>
/// </summary>
public static class StoredMessage
{
    /// <summary>The key an unkeyed text is shown under when the reader names none of its own.</summary>
    public const string RecordedInEnglish = "stored.recorded-in-english";

    private static readonly JsonSerializerOptions Plain = OptionsFor(RecordedInEnglish);

    /// <summary>
    /// Options that write and read messages with <see cref="Converter"/> (web defaults: camelCase); Chinese is
    /// written as itself, not as \uXXXX escapes, so a stored message fits its column.
    /// </summary>
    public static JsonSerializerOptions OptionsFor(string recordedInEnglishKey) => new(JsonSerializerDefaults.Web)
    {
        Converters = { new Converter(recordedInEnglishKey) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary><c>{"key": …, "args": […]}</c>, or <c>{"text": …}</c> for a fixed text.</summary>
    public static string Write(ProblemMessage message) => JsonSerializer.Serialize(message, Plain);

    /// <summary>Whether <paramref name="stored"/> looks as <see cref="Write"/> writes a message: a key, or a fixed text.</summary>
    public static bool IsKeyed(string? stored) =>
        stored is not null && (stored.StartsWith("{\"key\":", StringComparison.Ordinal) || stored.StartsWith("{\"text\":", StringComparison.Ordinal));

    /// <summary>
    /// A stored text: the keyed message <see cref="Write"/> wrote, or any other text (an old sentence, old JSON)
    /// under <paramref name="recordedInEnglishKey"/>, shown as written.
    /// </summary>
    public static ProblemMessage Read(string stored, string recordedInEnglishKey) =>
        Read(stored, text => ProblemMessage.Of(recordedInEnglishKey, text));

    /// <summary>
    /// A stored text: the keyed message <see cref="Write"/> wrote, or, for any other text (one a person typed, even
    /// one that only looks keyed), what <paramref name="unkeyed"/> makes of it.
    /// </summary>
    public static ProblemMessage Read(string stored, Func<string, ProblemMessage> unkeyed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(unkeyed);
        if (IsKeyed(stored))
        {
            try
            {
                return JsonSerializer.Deserialize<ProblemMessage>(stored, Plain)!;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException)
            {
                // Not written by Write (typed by a person, or cut short): shown as it is. JsonException for broken
                // JSON; the others for JSON of another shape ("args": 1, "text": 2, an empty key, an argument
                // object without "en", an "at" that is no instant).
            }
        }

        return unkeyed(stored);
    }

    /// <summary>
    /// Writes <c>{"key": …, "args": […]}</c> (or <c>{"text": …}</c> for a fixed text) and reads it back with each
    /// argument's type; a bare JSON string is an old English sentence, read under <c>recordedInEnglishKey</c>.
    /// </summary>
    public sealed class Converter(string recordedInEnglishKey) : JsonConverter<ProblemMessage>
    {
        public override ProblemMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.String
                ? ProblemMessage.Of(recordedInEnglishKey, document.RootElement.GetString())
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
