using Funeng.Kernel.Localization;

namespace Funeng.Catalog.Contracts;

/// <summary>
/// The sector taxonomy of listings and organisations. The first thirteen keys are the scenario sectors of the
/// supply–demand platform (so matchmaking compares like with like); the rest cover what the real filings offer.
/// </summary>
public static class CatalogSectors
{
    public static IReadOnlyList<(string Key, LocalizedText Name)> All { get; } =
    [
        ("manufacturing", new("智能制造", "Manufacturing")),
        ("elder_care", new("养老", "Elder care")),
        ("education", new("教育", "Education")),
        ("medical", new("医疗健康", "Medical and health")),
        ("transport", new("交通", "Transport")),
        ("energy", new("能源", "Energy")),
        ("agriculture", new("农业", "Agriculture")),
        ("government", new("政务", "Government services")),
        ("finance", new("金融", "Finance")),
        ("tourism", new("文旅", "Tourism")),
        ("culture", new("文化传媒", "Culture and media")),
        ("future_industries", new("未来产业", "Future industries")),
        ("robots", new("机器人", "Robots")),
        ("retail", new("商贸零售", "Retail and e-commerce")),
        ("customer_service", new("客服与企业服务", "Customer and enterprise services")),
        ("legal", new("司法", "Legal")),
        ("research", new("科研", "Research")),
        ("general", new("通用", "General purpose")),
    ];

    private static readonly Dictionary<string, LocalizedText> ByKey = All.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);

    /// <summary>True for a key of the taxonomy.</summary>
    public static bool IsKnown(string key) => ByKey.ContainsKey(key);

    /// <summary>The display name of a key (the key itself when unknown).</summary>
    public static LocalizedText Name(string key) => ByKey.GetValueOrDefault(key) ?? new LocalizedText(key, key);
}

/// <summary>The kinds of qualification an organisation can hold.</summary>
public static class QualificationKinds
{
    public const string SingleChampion = "single_champion";
    public const string SpecialisedSme = "specialised_sme";
    public const string HighTech = "high_tech";
    public const string AllianceMember = "alliance_member";
    public const string ParkTenant = "park_tenant";

    public static IReadOnlyList<(string Key, LocalizedText Name)> All { get; } =
    [
        (SingleChampion, new("制造业单项冠军", "National manufacturing single champion")),
        (SpecialisedSme, new("专精特新中小企业", "Specialised, refined, distinctive and innovative SME")),
        (HighTech, new("高新技术企业", "High-tech enterprise")),
        (AllianceMember, new("人工智能产业联盟成员", "AI industry alliance member")),
        (ParkTenant, new("园区或创新中心入驻企业", "Park or innovation-centre tenant")),
    ];

    /// <summary>True for a known kind key.</summary>
    public static bool IsKnown(string key) => All.Any(k => k.Key == key);

    /// <summary>The display name of a kind.</summary>
    public static LocalizedText Name(string key) => All.FirstOrDefault(k => k.Key == key).Name ?? new LocalizedText(key, key);
}
