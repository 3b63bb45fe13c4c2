using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Web;

/// <summary>
/// Writes a <see cref="ProblemMessage"/> in an API answer (an eligibility trace's step) as its text in the reader's
/// language, so clients read what the pages show rather than a key and its arguments. Messages are never read.
/// </summary>
internal sealed class ProblemMessageJsonConverter(UiText text) : JsonConverter<ProblemMessage>
{
    public override ProblemMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A message is written for the reader, never read back.");

    public override void Write(Utf8JsonWriter writer, ProblemMessage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.In(text, CultureInfo.CurrentUICulture));
    }
}
