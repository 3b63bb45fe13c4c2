using System.Globalization;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;

namespace Funeng.Incentives.Rules;

/// <summary>How a fact's value is written and compared.</summary>
internal enum FactType
{
    City,
    Choice,
    Money,
    Number,
    Flag,
    Qualifications,
}

/// <summary>A fact programs may ask about, as declared in the pack's facts.yaml.</summary>
internal sealed record FactDefinition(string Key, FactType Type, LocalizedText Name, IReadOnlyList<string> Choices)
{
    public bool IsNumeric => Type is FactType.Money or FactType.Number;

    /// <summary>Parses a typed value from text; returns null and an error message when it does not fit.</summary>
    public object? Parse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        switch (Type)
        {
            case FactType.City:
                if (GuangdongCities.All.Any(c => c.Slug == text))
                {
                    return text;
                }

                error = $"'{text}' is not a Guangdong city (e.g. guangzhou, shenzhen)";
                return null;
            case FactType.Choice:
                if (Choices.Contains(text))
                {
                    return text;
                }

                error = $"'{text}' is not one of: {string.Join(", ", Choices)}";
                return null;
            case FactType.Money or FactType.Number:
                if (decimal.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= 0)
                {
                    return number;
                }

                error = $"'{text}' is not a non-negative number";
                return null;
            case FactType.Flag:
                if (text is "true" or "false")
                {
                    return text == "true";
                }

                error = $"'{text}' is not true or false";
                return null;
            default:
                error = "qualifications are a list of {code, from, to}";
                return null;
        }
    }
}

/// <summary>A title an enterprise holds from a date (and, if it lapses, to a date).</summary>
public sealed record Qualification(string Code, DateOnly From, DateOnly? To = null)
{
    public bool HeldOn(DateOnly date) => From <= date && (To is null || date <= To.Value);
}

/// <summary>
/// Facts as written (form fields, JSON, YAML): text values by key, plus qualifications. This is what a profile
/// and an application store; <see cref="FactCatalog.Type"/> turns it into typed <see cref="Facts"/>.
/// </summary>
public sealed record FactValues(IReadOnlyDictionary<string, string> Values, IReadOnlyList<Qualification> Qualifications)
{
    public static FactValues Empty { get; } = new(new Dictionary<string, string>(), []);
}

/// <summary>Typed facts about one applicant and project. A key that is absent is unknown, never defaulted.</summary>
internal sealed class Facts(IReadOnlyDictionary<string, object> values, IReadOnlyList<Qualification>? qualifications)
{
    public IReadOnlyList<Qualification>? Qualifications { get; } = qualifications;

    public bool TryGet(string key, out object value) => values.TryGetValue(key, out value!);

    public decimal? Number(string key) => values.TryGetValue(key, out var v) && v is decimal d ? d : null;
}

/// <summary>The facts a pack declares.</summary>
internal sealed class FactCatalog(IReadOnlyList<FactDefinition> definitions)
{
    public const string UntrustworthyKey = "untrustworthy";

    private readonly Dictionary<string, FactDefinition> _byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public IReadOnlyList<FactDefinition> All { get; } = definitions;

    public FactDefinition? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Types written facts; every value that does not fit is reported by its key, none is dropped silently.</summary>
    public Facts Type(FactValues written, out IReadOnlyDictionary<string, string> errors)
    {
        var typed = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in written.Values)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue; // an empty form field is an unanswered question
            }

            var definition = Find(key);
            if (definition is null)
            {
                problems[key] = "is not a fact this pack knows";
                continue;
            }

            if (definition.Type == FactType.Qualifications)
            {
                continue; // present as a key: the question was answered; the titles are in Qualifications
            }

            var value = definition.Parse(text, out var error);
            if (value is null)
            {
                problems[key] = error!;
            }
            else
            {
                typed[key] = value;
            }
        }

        var qualificationChoices = Find("qualifications")?.Choices ?? [];
        foreach (var q in written.Qualifications.Where(q => !qualificationChoices.Contains(q.Code)))
        {
            problems["qualifications"] = $"'{q.Code}' is not one of: {string.Join(", ", qualificationChoices)}";
        }

        errors = problems;
        // Qualifications are known once the applicant has answered the question, even with an empty list.
        var answered = written.Values.ContainsKey("qualifications") || written.Qualifications.Count > 0;
        return new Facts(typed, answered ? written.Qualifications : null);
    }
}
