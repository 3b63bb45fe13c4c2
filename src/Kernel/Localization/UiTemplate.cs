using System.Globalization;

namespace Funeng.Kernel.Localization;

/// <summary>
/// Fills a UI string's {0}-style placeholders, the one way every UI string is filled (pages, API problems, audit
/// entries, the CLI). Besides .NET's formats it knows a count's noun: <c>{0:entry|entries}</c> is the form before the
/// bar when argument 0 is the number 1 and the form after it otherwise, so an English template reads
/// <c>"{0:N0} {0:entry|entries}"</c>: "1 entry", "2 entries", where "1 entries" was shown. Chinese needs no such form.
/// </summary>
public static class UiTemplate
{
    /// <summary><paramref name="template"/> with its placeholders filled in <paramref name="culture"/>.</summary>
    public static string Fill(CultureInfo culture, string template, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(template);
        return string.Format(new CountForms(culture), template, arguments ?? []);
    }

    /// <summary>Whether a placeholder's format is a count's noun (one|other), not a .NET format.</summary>
    public static bool IsCountForm(string? format) => CountForm(format) is not null;

    /// <summary>The forms for one and for many of a count's noun (<c>entry|entries</c>); null for a .NET format (one bar, a form on each side).</summary>
    private static (string One, string Many)? CountForm(string? format)
    {
        var bar = format?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && bar < format!.Length - 1 && format.IndexOf('|', bar + 1) < 0 ? (format[..bar], format[(bar + 1)..]) : null;
    }

    private sealed class CountForms(CultureInfo culture) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider)
        {
            if (CountForm(format) is var (one, many))
            {
                // A noun never shows its count's format: what is no number (a count written as text, a null) takes the form for many.
                return One(arg) ? one : many;
            }

            return arg is IFormattable formattable ? formattable.ToString(format, culture) : arg?.ToString() ?? "";
        }

        /// <summary>
        /// Whether a count is one as English says it: the number 1 with no fraction digits (a decimal 1.00 reads "1.00
        /// device-hours", as CLDR's English rule has it), or "1" as text (a count formatted before it was stored).
        /// </summary>
        private static bool One(object? arg) => arg switch
        {
            string text => text.Trim() == "1",
            int i => i == 1,
            long l => l == 1,
            short s => s == 1,
            byte b => b == 1,
            uint u => u == 1,
            ulong u => u == 1,
            decimal d => d == 1 && d.Scale == 0,
            double d => d == 1,
            _ => false,
        };
    }
}
