using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Taxonomy;

/// <summary>
/// The one set of qualification codes: an organisation's catalog profile records them, and incentive programs read
/// them as the <c>qualifications</c> fact (the pack's facts.yaml lists the ones a program may ask about).
/// </summary>
public static class QualificationKinds
{
    public const string SingleChampion = "national_single_champion";
    public const string SpecialisedSme = "specialised_sme";
    public const string LittleGiant = "little_giant";
    public const string HighTech = "high_tech_enterprise";
    public const string AllianceMember = "alliance_member";
    public const string ParkTenant = "park_tenant";

    public static IReadOnlyList<(string Key, LocalizedText Name)> All { get; } =
    [
        (SingleChampion, new("国家级制造业单项冠军", "National manufacturing single champion")),
        (SpecialisedSme, new("专精特新中小企业", "Specialised, refined, distinctive and innovative SME")),
        (LittleGiant, new("专精特新“小巨人”企业", "Specialised and innovative \"little giant\"")),
        (HighTech, new("高新技术企业", "High-tech enterprise")),
        (AllianceMember, new("人工智能产业联盟成员", "AI industry alliance member")),
        (ParkTenant, new("园区或创新中心入驻企业", "Park or innovation-centre tenant")),
    ];

    /// <summary>True for a known kind key.</summary>
    public static bool IsKnown(string key) => All.Any(k => k.Key == key);

    /// <summary>The display name of a kind (the key itself when unknown).</summary>
    public static LocalizedText Name(string key) => All.FirstOrDefault(k => k.Key == key).Name ?? new LocalizedText(key, key);
}
