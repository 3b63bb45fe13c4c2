using System.Collections.Concurrent;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>What office staff give a glossary entry: names in each language (all synonyms of one concept) and where they come from.</summary>
internal sealed record GlossaryInput(IReadOnlyList<string>? Zh, IReadOnlyList<string>? En, string? Source);

/// <summary>Where a listed entry comes from: the shipped file, an office edit of a shipped entry, or the office alone.</summary>
internal enum GlossaryOrigin
{
    Shipped,
    Edited,
    Office,
}

/// <summary>An office entry as stored: names <c>|</c>-separated, the synonym group it replaces or adds.</summary>
internal sealed record GlossaryOverride(string Group, string ZhNames, string EnNames, string Source, bool Retired, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>One entry of the merged glossary as pages and the API list it.</summary>
internal sealed record GlossaryItem(string Group, IReadOnlyList<string> Zh, IReadOnlyList<string> En, string Source, GlossaryOrigin Origin, bool Retired,
    DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> All => Zh.Concat(En);

    public GlossaryEntry ToEntry() => new(Zh, En, Source);
}

/// <summary>
/// The glossary's rules as pure functions: how office entries merge over the shipped file, what a valid entry is,
/// and that a name belongs to one synonym group only (the file's own rule: "the first one wins" would otherwise
/// silently ignore a staff member's entry).
/// </summary>
internal static class GlossaryRules
{
    public const int MaxNamesPerLanguage = 20;
    public const int MaxNameLength = 60;
    public const int MaxGroupLength = 60;
    public const int MaxSourceLength = 300;

    /// <summary>The stored length of one language's names: 20 names of 60 characters with their separators (1,219), rounded up.</summary>
    public const int MaxNamesLength = 1300;

    /// <summary>English names whose stems are remembered before the memory starts again (<see cref="StemsOfName"/>).</summary>
    private const int NamesStemmed = 20_000;

    private static readonly ConcurrentDictionary<string, string> NameStems = new(StringComparer.Ordinal);
    private static int _namesStemmed;

    /// <summary>The synonym group of a shipped entry or a new one: its first name, normalised.</summary>
    public static string GroupOf(IReadOnlyList<string> zh, IReadOnlyList<string> en)
    {
        var first = DomainGlossary.Normalise(zh.Concat(en).First().Trim());
        return first.Length <= MaxGroupLength ? first : first[..MaxGroupLength];
    }

    /// <summary>The shipped entries in file order, each replaced by the office's record of its group; then the office's own entries, oldest first.</summary>
    public static List<GlossaryItem> Merge(IReadOnlyList<GlossaryEntry> shipped, IReadOnlyList<GlossaryOverride> office)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        ArgumentNullException.ThrowIfNull(office);
        var byGroup = office.ToDictionary(r => r.Group, StringComparer.Ordinal);
        var merged = new List<GlossaryItem>(shipped.Count + office.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in shipped)
        {
            var group = GroupOf(entry.Zh, entry.En);
            if (!seen.Add(group))
            {
                continue;
            }

            merged.Add(byGroup.TryGetValue(group, out var record)
                ? FromRecord(record, GlossaryOrigin.Edited)
                : new GlossaryItem(group, entry.Zh, entry.En, entry.Source, GlossaryOrigin.Shipped, false, null, null));
        }

        merged.AddRange(office.Where(r => !seen.Contains(r.Group)).OrderBy(r => r.CreatedAt).Select(r => FromRecord(r, GlossaryOrigin.Office)));
        return merged;
    }

    /// <summary>The entries that translate and expand queries: every one not retired.</summary>
    public static IEnumerable<GlossaryEntry> Active(IEnumerable<GlossaryItem> items) => items.Where(i => !i.Retired).Select(i => i.ToEntry());

    /// <summary>The names as given, trimmed, empty ones and repeats left out.</summary>
    public static List<string> Clean(IReadOnlyList<string>? names) =>
        [.. (names ?? []).Select(n => (n ?? "").Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Input problems by field: <c>zh</c>, <c>en</c>, <c>source</c>.</summary>
    public static List<FieldProblem> Validate(GlossaryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldProblem>();
        var zh = Clean(input.Zh);
        var en = Clean(input.En);
        if (zh.Count == 0)
        {
            problems.Add(FieldProblem.Of("zh", "catalog.glossary.invalid.zh-required"));
        }

        if (zh.Count + en.Count == 1)
        {
            problems.Add(FieldProblem.Of(en.Count == 0 ? "en" : "zh", "catalog.glossary.invalid.one-name"));
        }

        Names(problems, "zh", zh, n => n.Any(IsHan), "catalog.glossary.invalid.zh-not-chinese");
        Names(problems, "en", en, n => !n.Any(IsHan) && n.Any(char.IsAsciiLetter), "catalog.glossary.invalid.en-not-english");
        var source = input.Source?.Trim() ?? "";
        if (source.Length == 0)
        {
            problems.Add(FieldProblem.Of("source", "catalog.glossary.invalid.source-required"));
        }
        else if (source.Length > MaxSourceLength)
        {
            problems.Add(FieldProblem.Of("source", "catalog.glossary.invalid.source-length", MaxSourceLength));
        }

        return problems;
    }

    /// <summary>
    /// Refuses (409 on the field of the name) a name that already belongs to another synonym group, retired ones
    /// included (restoring one must not make a name mean two things).
    /// </summary>
    public static void RefuseTakenNames(GlossaryInput input, IEnumerable<GlossaryItem> items, string? ownGroup)
    {
        ArgumentNullException.ThrowIfNull(input);
        var owners = new Dictionary<string, GlossaryItem>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Group != ownGroup))
        {
            foreach (var name in item.All)
            {
                owners.TryAdd(DomainGlossary.Normalise(name), item);
            }
        }

        foreach (var (field, names) in new[] { ("zh", Clean(input.Zh)), ("en", Clean(input.En)) })
        {
            foreach (var name in names)
            {
                if (owners.TryGetValue(DomainGlossary.Normalise(name), out var owner))
                {
                    throw new DomainRuleException(ProblemMessage.Of("catalog.glossary.refusal.name-taken", name, owner.Zh.Concat(owner.En).First()), field, 409);
                }
            }
        }
    }

    /// <summary>Only office staff change the glossary; everyone reads it.</summary>
    public static void RequireOffice(bool isOffice)
    {
        if (!isOffice)
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.glossary.refusal.office-only"), "glossary", 403);
        }
    }

    /// <summary>
    /// The entries whose names or source contain <paramref name="text"/> (case- and width-insensitive), or, for English,
    /// with a name that is the text once inflections are set aside (pharmacies finds pharmacy, as search does); all when
    /// it is empty.
    /// </summary>
    public static IEnumerable<GlossaryItem> Matching(IEnumerable<GlossaryItem> items, string? text)
    {
        var wanted = DomainGlossary.Normalise(text?.Trim() ?? "");
        if (wanted.Length == 0)
        {
            return items;
        }

        var stems = wanted.Any(IsHan) ? null : EnglishStems.Of(wanted);
        return items.Where(i => i.All.Append(i.Source).Any(n => DomainGlossary.Normalise(n).Contains(wanted, StringComparison.Ordinal))
            || (stems is not null && i.En.Any(n => StemsOfName(n) == stems)));
    }

    /// <summary>
    /// An English name's stems as the glossary files them (<see cref="DomainGlossary.StemsOfName"/>), remembered: the finder compares the typed word with every name of the list (1,600 in the
    /// shipped glossary), and stemming each again took some 25 ms a search (1 ms remembered; Debug build, the shipped
    /// list). Names are the glossary's, so the memory stays small; past <see cref="NamesStemmed"/> (an office renaming for years) it starts again.
    /// </summary>
    private static string StemsOfName(string name)
    {
        if (NameStems.TryGetValue(name, out var known))
        {
            return known;
        }

        if (Interlocked.Increment(ref _namesStemmed) > NamesStemmed)
        {
            NameStems.Clear();
            Interlocked.Exchange(ref _namesStemmed, 0);
        }

        return NameStems[name] = string.Join(' ', DomainGlossary.StemsOfName(name));
    }

    public static string Join(IEnumerable<string> names) => string.Join('|', names);

    public static string[] Split(string names) => names.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    private static GlossaryItem FromRecord(GlossaryOverride record, GlossaryOrigin origin) =>
        new(record.Group, Split(record.ZhNames), Split(record.EnNames), record.Source, origin, record.Retired, record.UpdatedAt, record.UpdatedBy);

    private static void Names(List<FieldProblem> problems, string field, List<string> names, Func<string, bool> inLanguage, string notInLanguageKey)
    {
        if (names.Count > MaxNamesPerLanguage)
        {
            problems.Add(FieldProblem.Of(field, "catalog.glossary.invalid.too-many", MaxNamesPerLanguage));
            return;
        }

        foreach (var name in names)
        {
            if (name.Length > MaxNameLength)
            {
                problems.Add(FieldProblem.Of(field, "catalog.glossary.invalid.name-length", name[..20] + "…", MaxNameLength));
            }
            else if (name.Contains('|', StringComparison.Ordinal) || name.Any(char.IsControl))
            {
                problems.Add(FieldProblem.Of(field, "catalog.glossary.invalid.name-characters", name));
            }
            else if (!inLanguage(name))
            {
                problems.Add(FieldProblem.Of(field, notInLanguageKey, name));
            }
        }
    }
}
