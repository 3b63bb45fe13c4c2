using Funeng.Catalog.Contracts;
using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Profiles;

/// <summary>
/// One enterprise record (一企一档): the organisation's catalog profile is where its city, size, sectors and
/// qualifications are kept, and every eligibility check reads them from there. Incentives keeps only the facts no
/// other module needs (revenue, R&amp;D spend, project answers) and the office's untrustworthy-entity flag.
/// </summary>
internal static class EnterpriseRecord
{
    private const string City = "city";
    private const string Size = "size";
    private const string QualificationsKey = "qualifications";

    /// <summary>True for a fact the catalog profile holds: the enterprise edits it there, not among Incentives' facts.</summary>
    public static bool IsKeptOnRecord(FactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Type == FactType.Qualifications || fact.Key is City or Size or FactDefinition.SectorKey;
    }

    /// <summary>The facts the rules read: the enterprise's own answers, with what its catalog profile says winning.</summary>
    /// <remarks>
    /// A profile lists several sectors and a program asks for one: the first listed sector the pack offers is taken as
    /// the enterprise's main sector. A profile without qualifications says nothing about them (it may not be filled in
    /// yet), so the enterprise's own answer stands.
    /// </remarks>
    public static FactValues Merge(FactValues own, OrganisationProfile? record, FactCatalog facts)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(facts);
        if (record is null)
        {
            return own;
        }

        var values = new Dictionary<string, string>(own.Values, StringComparer.Ordinal);
        Offer(values, facts, City, record.CitySlug);
        Offer(values, facts, Size, record.Size);
        var sectorChoices = facts.Find(FactDefinition.SectorKey)?.Choices ?? [];
        Offer(values, facts, FactDefinition.SectorKey, record.Sectors.FirstOrDefault(sectorChoices.Contains));

        var qualificationChoices = facts.Find(QualificationsKey)?.Choices ?? [];
        var held = record.Qualifications.Where(q => qualificationChoices.Contains(q.Kind)).Select(q => new Qualification(q.Kind, q.ValidFrom, q.ValidTo)).ToList();
        if (held.Count == 0)
        {
            return own with { Values = values };
        }

        values[QualificationsKey] = "answered";
        return new FactValues(values, held);
    }

    private static void Offer(Dictionary<string, string> values, FactCatalog facts, string key, string? value)
    {
        if (value is not null && facts.Find(key) is { } fact && (fact.Type == FactType.City || fact.Choices.Count == 0 || fact.Choices.Contains(value)))
        {
            values[key] = value;
        }
    }
}
