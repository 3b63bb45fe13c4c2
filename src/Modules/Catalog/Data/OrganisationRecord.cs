using Funeng.Catalog.Contracts;

namespace Funeng.Catalog.Data;

/// <summary>An organisation's supply-side profile, keyed by the Platform organisation id.</summary>
internal sealed class OrganisationRecord
{
    public Guid OrganisationId { get; set; }

    public string LegalNameZh { get; set; } = "";

    public string LegalNameEn { get; set; } = "";

    public string? CreditCode { get; set; }

    public string? CitySlug { get; set; }

    public string? District { get; set; }

    public string? Size { get; set; }

    public List<string> Sectors { get; set; } = [];

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? Website { get; set; }

    public string? DescriptionZh { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>Where an imported profile came from; null for profiles kept by their organisation.</summary>
    public string? Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<QualificationRecord> Qualifications { get; set; } = [];

    /// <summary>The profile as other modules and the API read it (qualifications must be loaded).</summary>
    public OrganisationProfile ToProfile() => new(
        OrganisationId, LegalNameZh, LegalNameEn, CreditCode, CitySlug, District, Size, Sectors,
        Qualifications.OrderBy(q => q.Kind, StringComparer.Ordinal).Select(q => new QualificationSummary(q.Kind, q.Issuer, q.ValidFrom, q.ValidTo)).ToList());
}

/// <summary>A qualification with issuer, validity and evidence.</summary>
internal sealed class QualificationRecord
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Kind { get; set; } = "";

    public string Issuer { get; set; } = "";

    public string? CertificateNumber { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>A link to or description of the evidence (certificate scan, published list).</summary>
    public string Evidence { get; set; } = "";

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>Enterprise size classes (by the national SME classification).</summary>
internal static class OrganisationSizes
{
    public static IReadOnlyList<string> All { get; } = ["micro", "small", "medium", "large"];
}
