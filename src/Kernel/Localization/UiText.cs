using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Localization;

/// <summary>An assembly that embeds a <c>strings.json</c> of UI strings ({"key": {"zh": "...", "en": "..."}}).</summary>
/// <param name="Assembly">The assembly holding the embedded resource.</param>
public sealed record UiStringSource(Assembly Assembly);

/// <summary>
/// Every UI string of every module in both languages. Modules embed their own <c>strings.json</c>; a key defined
/// twice, or a string missing one language, fails at start-up rather than showing a blank on a page.
/// </summary>
public sealed class UiText
{
    /// <summary>Rendered in place of a missing key so that tests scanning pages can find it.</summary>
    public const string MissingMarker = "⟦";

    private readonly Dictionary<string, LocalizedText> _strings;

    public UiText(IEnumerable<UiStringSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _strings = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var source in sources.DistinctBy(s => s.Assembly))
        {
            foreach (var (key, text) in Load(source.Assembly))
            {
                if (!_strings.TryAdd(key, text))
                {
                    throw new InvalidOperationException(
                        $"UI string '{key}' is defined twice (again in {source.Assembly.GetName().Name}).");
                }
            }
        }
    }

    /// <summary>All keys, for tests and diagnostics.</summary>
    public IReadOnlyDictionary<string, LocalizedText> All => _strings;

    /// <summary>The string for <paramref name="key"/> in the current UI culture.</summary>
    public string this[string key] => Get(key, CultureInfo.CurrentUICulture);

    /// <summary>Whether a key has texts: for labels of codes that data may add (a code without one shows as itself).</summary>
    public bool Has(string key) => _strings.ContainsKey(key);

    /// <summary>The string for <paramref name="key"/> in the current UI culture, with {0}-style arguments (<see cref="UiTemplate"/>: a count's noun as <c>{0:entry|entries}</c>).</summary>
    public string Format(string key, params object?[] args) =>
        UiTemplate.Fill(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>
    /// The string of <paramref name="keyOrText"/> when it is a key, else the text itself: for values that are a key
    /// when the system wrote them and free text when a person did (an observation's source).
    /// </summary>
    public string KeyOrText(string keyOrText) =>
        _strings.ContainsKey(keyOrText) ? this[keyOrText] : keyOrText;

    public string Get(string key, CultureInfo culture) =>
        _strings.TryGetValue(key, out var text) ? text.In(culture) : $"{MissingMarker}{key}⟧";

    private static IEnumerable<(string Key, LocalizedText Text)> Load(Assembly assembly)
    {
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("strings.json", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no strings.json.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var document = JsonDocument.Parse(stream);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var zh = entry.Value.TryGetProperty("zh", out var z) ? z.GetString() : null;
            var en = entry.Value.TryGetProperty("en", out var e) ? e.GetString() : null;
            if (string.IsNullOrWhiteSpace(zh) || string.IsNullOrWhiteSpace(en))
            {
                throw new InvalidOperationException(
                    $"UI string '{entry.Name}' in {assembly.GetName().Name} needs both 'zh' and 'en'.");
            }

            yield return (entry.Name, new LocalizedText(zh, en));
        }
    }
}

/// <summary>Registration of UI string catalogs.</summary>
public static class UiTextRegistration
{
    /// <summary>Adds the <c>strings.json</c> embedded in <paramref name="assembly"/> to the UI text.</summary>
    public static IServiceCollection AddUiStrings(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new UiStringSource(assembly));
        services.AddSingleton<UiText>();
        return services;
    }
}
