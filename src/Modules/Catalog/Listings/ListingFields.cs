using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Listings;

/// <summary>One type-specific field: its snake_case name, whether it is required, and the values it allows (if closed).</summary>
internal sealed record AttributeField(string Name, bool Required = false, IReadOnlyList<string>? Allowed = null, bool Multiple = false);

/// <summary>The fields of each listing type and the checks every write (form, API, import) goes through.</summary>
internal static class ListingFields
{
    public static IReadOnlyList<string> Deployments { get; } = ["cloud", "on_premises", "edge"];

    public static IReadOnlyList<string> AccessLevels { get; } = ["open", "conditional", "restricted"];

    /// <summary>The eight smart-terminal categories of the Guangdong measures.</summary>
    public static IReadOnlyList<string> TerminalCategories { get; } =
        ["phone", "computer", "home_appliance", "robot", "vehicle", "wearable", "vr_ar", "care_rehab"];

    public static IReadOnlyList<string> Modalities { get; } = ["text", "image", "audio", "video", "code", "multimodal"];

    /// <summary>Size limits of a listing's fields (issue 15: an enterprise stored a 15.9 MB listing); each refusal names its limit.</summary>
    public const int MaxTitle = 300, MaxSummary = 5_000, MaxKeywords = 30, MaxKeyword = 60, MaxSectors = 20, MaxAttributeValue = 2_000;

    private static readonly Dictionary<ListingType, IReadOnlyList<AttributeField>> Fields = new()
    {
        [ListingType.AlgorithmProduct] =
        [
            new("capabilities", Multiple: true), new("deployment", Allowed: Deployments, Multiple: true),
            new("reference_customers", Multiple: true), new("certifications", Multiple: true),
            new("filing_number"), new("algorithm_class"), new("role"), new("applied_in"),
        ],
        [ListingType.LargeModel] =
        [
            new("parameters"), new("modalities", Allowed: Modalities, Multiple: true), new("languages", Multiple: true),
            new("licence"), new("intended_use"), new("limitations"), new("evaluation_results"),
            new("filing_number"), new("filing_kind"), new("filing_date"), new("category"), new("website"),
        ],
        [ListingType.Dataset] =
        [
            new("publisher", Required: true), new("licence", Required: true), new("access_level", Required: true, Allowed: AccessLevels),
            new("themes", Multiple: true), new("spatial_coverage"), new("temporal_coverage"),
            new("distributions", Multiple: true), new("quality_statement"), new("issued"), new("modified"),
        ],
        [ListingType.TerminalProduct] =
        [
            new("category", Required: true, Allowed: TerminalCategories), new("model_number"),
            new("ai_features", Multiple: true), new("certifications", Multiple: true),
        ],
        [ListingType.Patent] =
        [
            new("patent_number", Required: true), new("applicants", Required: true, Multiple: true),
            new("ipc_classes", Multiple: true), new("application_date"), new("publication_date"), new("grant_date"),
        ],
    };

    public static IReadOnlyList<AttributeField> For(ListingType type) => Fields[type];

    /// <summary>Problems by field name (camelCase for common fields, <c>attributes.x</c> for type-specific ones); empty when valid.</summary>
    public static List<FieldProblem> Validate(ListingType type, ListingContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<FieldProblem>();
        void Add(string field, string key, params object?[] arguments) => problems.Add(FieldProblem.Of(field, "catalog.problem." + key, arguments));
        if (string.IsNullOrWhiteSpace(content.TitleZh) && string.IsNullOrWhiteSpace(content.TitleEn))
        {
            Add("titleZh", "title-needed");
        }

        if (content.TitleZh.Length > MaxTitle || content.TitleEn.Length > MaxTitle)
        {
            Add(content.TitleZh.Length > MaxTitle ? "titleZh" : "titleEn", "title-length", MaxTitle);
        }

        foreach (var (field, text) in new[] { ("summaryZh", content.SummaryZh), ("summaryEn", content.SummaryEn) }.Where(f => f.Item2.Length > MaxSummary))
        {
            Add(field, "summary-length", MaxSummary, text.Length);
        }

        if (content.Keywords.Count > MaxKeywords || content.Keywords.Any(k => k.Length > MaxKeyword))
        {
            Add("keywords", "keywords", MaxKeywords, MaxKeyword);
        }

        if (content.Sectors.Count > MaxSectors)
        {
            Add("sectors", "sectors-count", MaxSectors);
        }

        if (content.CitySlug is { } city && GuangdongCities.Find(city) is null)
        {
            Add("citySlug", "city", city);
        }

        var unknownSectors = content.Sectors.Where(s => !Sectors.IsKnown(s)).ToList();
        if (unknownSectors.Count > 0)
        {
            Add("sectors", "sectors-unknown", string.Join(", ", unknownSectors));
        }

        var fields = For(type);
        foreach (var name in content.Attributes.Keys.Where(k => fields.All(f => f.Name != k)))
        {
            Add($"attributes.{name}", "no-such-attribute", ProblemMessage.Of("catalog.type." + type.Key()), name);
        }

        foreach (var field in fields)
        {
            var value = content.Attribute(field.Name);
            if (value.Length > MaxAttributeValue)
            {
                Add($"attributes.{field.Name}", "attribute-length", MaxAttributeValue, value.Length);
                continue;
            }

            if (field.Required && string.IsNullOrWhiteSpace(value))
            {
                Add($"attributes.{field.Name}", "required");
                continue;
            }

            var values = field.Multiple ? ListingContent.Values(value) : (string.IsNullOrWhiteSpace(value) ? [] : [value.Trim()]);
            var bad = field.Allowed is null ? [] : values.Where(v => !field.Allowed.Contains(v)).ToList();
            if (bad.Count > 0)
            {
                Add($"attributes.{field.Name}", "not-allowed", string.Join(", ", bad), string.Join(", ", field.Allowed!));
            }
        }

        return problems;
    }
}
