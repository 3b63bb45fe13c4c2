using System.Globalization;
using Funeng.Catalog.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Editions;

/// <summary>
/// What a recommendation catalog edition may be and when it may change: pure rules over plain values, tested
/// without a host; every problem names its field and a <c>strings.json</c> message.
/// </summary>
internal static class EditionRules
{
    /// <summary>Size limits of an edition's fields, and the years an edition may be for.</summary>
    public const int MaxTitleZh = 200, MaxTitleEn = 300, MaxDescription = 4_000, FirstYear = 2000, LastYear = 2100;

    /// <summary>The problems of <paramref name="input"/> by field (<c>titleZh</c>, <c>titleEn</c>, <c>year</c>, <c>descriptionZh</c>/<c>descriptionEn</c>); empty when valid.</summary>
    public static List<FieldProblem> Problems(EditionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldProblem>();
        void Add(string field, string key, params object?[] arguments) => problems.Add(FieldProblem.Of(field, "catalog.problem." + key, arguments));
        if (string.IsNullOrWhiteSpace(input.TitleZh))
        {
            Add("titleZh", "edition-title-zh-needed");
        }
        else if (input.TitleZh.Trim().Length > MaxTitleZh)
        {
            Add("titleZh", "title-length", MaxTitleZh);
        }

        if (input.TitleEn?.Trim().Length > MaxTitleEn)
        {
            Add("titleEn", "title-length", MaxTitleEn);
        }

        if (input.Year is not (>= FirstYear and <= LastYear))
        {
            Add("year", "edition-year", FirstYear, LastYear);
        }

        if (input.DescriptionZh?.Length > MaxDescription || input.DescriptionEn?.Length > MaxDescription)
        {
            Add(input.DescriptionZh?.Length > MaxDescription ? "descriptionZh" : "descriptionEn", "edition-description-length", MaxDescription);
        }

        return problems;
    }

    /// <summary>The 409 that names the edition, for every attempt to change a published one.</summary>
    public static void RequireDraft(EditionRecord edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (edition.PublishedOn is { } publishedOn)
        {
            throw new DomainRuleException(
                ProblemMessage.Of("catalog.refusal.edition-published", LocalizedText.Of(edition.TitleZh, edition.TitleEn), edition.Year, edition.Id.ToString(), publishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "edition", 409);
        }
    }
}
