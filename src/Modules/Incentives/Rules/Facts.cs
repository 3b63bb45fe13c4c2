using System.Collections.Frozen;
using System.Globalization;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;

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
    /// <summary>The fact whose choices are the platform's one sector taxonomy (Kernel <see cref="Sectors"/>).</summary>
    public const string SectorKey = "sector";

    /// <summary>
    /// A value of this fact as the reader knows it: a sector or qualification by the platform's name for it, another
    /// choice or a flag by its label, a city by its name, else as written.
    /// </summary>
    public object Label(string value) => Type switch
    {
        FactType.Qualifications => QualificationKinds.Name(value),
        FactType.Choice when Key == SectorKey => Sectors.Name(value),
        FactType.Choice => ProblemMessage.Of("incentives.choice." + value),
        FactType.Flag => ProblemMessage.Of("incentives.flag." + value),
        FactType.City => (object?)GuangdongCities.Find(value)?.Name ?? value,
        _ => value,
    };

    /// <summary>A value's label as text in the current UI language (for pages).</summary>
    public string Shown(string value, UiText text) => Label(value) switch
    {
        ProblemMessage message => message.In(text, CultureInfo.CurrentUICulture),
        LocalizedText name => name.In(CultureInfo.CurrentUICulture),
        var other => other?.ToString() ?? value,
    };

    // One box per flag value: screening types every registered enterprise's facts, and boxing each flag adds up.
    private static readonly object True = true;
    private static readonly object False = false;

    public bool IsNumeric => Type is FactType.Money or FactType.Number;

    /// <summary>Parses a typed value from text; returns null and what is wrong (a strings.json message) when it does not fit.</summary>
    public object? Parse(string text, out ProblemMessage? error)
    {
        error = null;
        text = text.Trim();
        switch (Type)
        {
            case FactType.City:
                if (GuangdongCities.Find(text) is not null)
                {
                    return text;
                }

                error = ProblemMessage.Of("incentives.problem.fact-city", text);
                return null;
            case FactType.Choice:
                if (Choices.Contains(text))
                {
                    return text;
                }

                error = ProblemMessage.Of("incentives.problem.fact-choice", text, string.Join(", ", Choices));
                return null;
            case FactType.Money or FactType.Number:
                var digits = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", "", StringComparison.Ordinal) : text;
                if (decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= 0)
                {
                    return number;
                }

                error = ProblemMessage.Of("incentives.problem.fact-number", text);
                return null;
            case FactType.Flag:
                if (text is "true" or "false")
                {
                    return text == "true" ? True : False;
                }

                error = ProblemMessage.Of("incentives.problem.fact-flag", text);
                return null;
            default:
                error = ProblemMessage.Of("incentives.problem.fact-qualifications");
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

/// <summary>
/// Typed facts about one applicant and project, in the slots of the pack's <see cref="FactCatalog"/>. A key that
/// is absent is unknown, never defaulted.
/// </summary>
internal sealed class Facts(IReadOnlyDictionary<string, int> slots, object?[] values, IReadOnlyList<Qualification>? qualifications)
{
    public IReadOnlyList<Qualification>? Qualifications { get; } = qualifications;

    public bool TryGet(string key, out object value)
    {
        value = slots.TryGetValue(key, out var slot) ? values[slot]! : null!;
        return value is not null;
    }

    public decimal? Number(string key) => TryGet(key, out var v) && v is decimal d ? d : null;
}

/// <summary>The facts a pack declares.</summary>
internal sealed class FactCatalog
{
    public const string UntrustworthyKey = "untrustworthy";

    private static readonly IReadOnlyDictionary<string, ProblemMessage> NoProblems = new Dictionary<string, ProblemMessage>();

    private readonly FrozenDictionary<string, int> _slots;
    private readonly FrozenSet<string> _qualificationChoices;

    public FactCatalog(IReadOnlyList<FactDefinition> definitions)
    {
        All = definitions;
        _slots = definitions.Select((d, i) => (d.Key, i)).ToFrozenDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        _qualificationChoices = (Find("qualifications")?.Choices ?? []).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<FactDefinition> All { get; }

    public FactDefinition? Find(string key) => _slots.TryGetValue(key, out var slot) ? All[slot] : null;

    /// <summary>Types written facts; every value that does not fit is reported by its key, none is dropped silently.</summary>
    public Facts Type(FactValues written, out IReadOnlyDictionary<string, ProblemMessage> errors)
    {
        var typed = new object?[All.Count];
        Dictionary<string, ProblemMessage>? problems = null;
        foreach (var (key, text) in written.Values)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue; // an empty form field is an unanswered question
            }

            if (!_slots.TryGetValue(key, out var slot))
            {
                (problems ??= new(StringComparer.Ordinal))[key] = ProblemMessage.Of("incentives.problem.fact-unknown");
                continue;
            }

            var definition = All[slot];
            if (definition.Type == FactType.Qualifications)
            {
                continue; // present as a key: the question was answered; the titles are in Qualifications
            }

            var value = definition.Parse(text, out var error);
            if (value is null)
            {
                (problems ??= new(StringComparer.Ordinal))[key] = error!;
            }
            else
            {
                typed[slot] = value;
            }
        }

        foreach (var q in written.Qualifications)
        {
            if (!_qualificationChoices.Contains(q.Code))
            {
                (problems ??= new(StringComparer.Ordinal))["qualifications"] = ProblemMessage.Of("incentives.problem.fact-choice", q.Code, string.Join(", ", Find("qualifications")?.Choices ?? []));
            }
        }

        errors = problems ?? NoProblems;
        // Qualifications are known once the applicant has answered the question, even with an empty list.
        var answered = written.Values.ContainsKey("qualifications") || written.Qualifications.Count > 0;
        return new Facts(_slots, typed, answered ? written.Qualifications : null);
    }
}
