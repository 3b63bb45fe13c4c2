using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Web;

/// <summary>
/// What a person is told about a problem: a key of a module's <c>strings.json</c> with {0}-style arguments, rendered
/// in the reader's language. <see cref="Fixed"/> carries a text that has no key yet (messages written before the
/// one error model); new code uses <see cref="Of"/>.
/// </summary>
public sealed record ProblemMessage
{
    private ProblemMessage(string? key, IReadOnlyList<object?> arguments, string? text)
    {
        Key = key;
        Arguments = arguments;
        Text = text;
    }

    /// <summary>The <c>strings.json</c> key, or null for a fixed text.</summary>
    public string? Key { get; }

    /// <summary>The arguments for the key's {0}-style placeholders.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The fixed text, or null for a keyed message.</summary>
    public string? Text { get; }

    /// <summary>A message from <c>strings.json</c>.</summary>
    public static ProblemMessage Of(string key, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new ProblemMessage(key, arguments ?? [], null);
    }

    /// <summary>A text that has no key yet.</summary>
    public static ProblemMessage Fixed(string text) => new(null, [], text ?? string.Empty);

    /// <summary>The message in <paramref name="culture"/>.</summary>
    public string In(UiText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        if (Key is null)
        {
            return Text ?? string.Empty;
        }

        var template = text.Get(Key, culture);
        return Arguments.Count == 0 ? template : UiTemplate.Fill(culture, template, [.. Arguments.Select(a => InCulture(a, text, culture))]);
    }

    /// <summary>
    /// The message in both languages, for texts stored or sent before anyone reads them (a notification's title,
    /// the reasons a refusal lists): the reader's language is chosen when it is shown.
    /// </summary>
    public LocalizedText Both(UiText text) =>
        new(In(text, CultureInfo.GetCultureInfo(UiCultures.Chinese)), In(text, CultureInfo.GetCultureInfo(UiCultures.English)));

    // Arguments that carry both languages or a time are told the way the reader reads them: a LocalizedText (a
    // program's name) in the reader's language, a nested message (a state's label) from strings.json, an argument that
    // words itself (IReaderText) as it says, an instant
    // as China Standard Time (the template's format, e.g. {0:yyyy-MM-dd HH:mm}, applies to the China wall clock),
    // and a list of such labels joined the way the language joins them ("甲、乙", "A, B").
    private static object? InCulture(object? argument, UiText text, CultureInfo culture) => argument switch
    {
        LocalizedText both => both.In(culture),
        ProblemMessage nested => nested.In(text, culture),
        IReaderText readable => readable.WordedIn(text, culture),
        DateTimeOffset instant => ChinaTime.ToChina(instant),
        IReadOnlyList<object?> list => string.Join(UiCultures.IsEnglish(culture) ? ", " : "、", list.Select(a => InCulture(a, text, culture))),
        _ => argument,
    };

    /// <summary>For logs and exception messages: the fixed text, or the key with its arguments.</summary>
    public override string ToString() =>
        Key is null ? Text ?? string.Empty : Arguments.Count == 0 ? Key : $"{Key}({string.Join(", ", Arguments)})";
}

/// <summary>
/// One problem with one input field: the field as the client named it (<c>titleZh</c>, <c>criteria[2].score</c>,
/// <c>year</c>) and what is wrong. Carriers that locate a problem further (a file's line, an import's row) derive
/// from it.
/// </summary>
/// <param name="Field">The field, as named in the request, form or file.</param>
/// <param name="Description">What is wrong and what is expected.</param>
public record FieldProblem(string Field, ProblemMessage Description)
{
    /// <summary>A problem with a <c>strings.json</c> message.</summary>
    public static FieldProblem Of(string field, string key, params object?[] arguments) => new(field, ProblemMessage.Of(key, arguments));

    /// <summary>A problem with a text that has no key yet.</summary>
    public static FieldProblem Fixed(string field, string text) => new(field, ProblemMessage.Fixed(text));

    /// <summary>The key under which the problem is shown: <see cref="Field"/>, or a more precise location.</summary>
    public virtual string Location => Field;
}

/// <summary>Refusals told in the reader's language by pages that catch them themselves.</summary>
public static class ProblemMessageText
{
    /// <summary>The refusal's message in the current request's language (its <c>Message</c> is the key, for logs).</summary>
    public static string InReadersLanguage(this DomainRuleException exception, Microsoft.AspNetCore.Http.HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(http);
        return exception.Description.In(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UiText>(http.RequestServices),
            CultureInfo.CurrentUICulture);
    }

    /// <summary>The input problems by field in the current request's language (its <c>Errors</c> are keys, for logs).</summary>
    public static Dictionary<string, string[]> InReadersLanguage(this InvalidInputException exception, Microsoft.AspNetCore.Http.HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(http);
        return exception.Describe(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UiText>(http.RequestServices));
    }
}
