using Funeng.Platform.Contracts;

namespace Funeng.Platform.Data;

/// <summary>An organisation taking part in the platform. Catalog keeps its detailed profile under the same id.</summary>
internal sealed class Organisation
{
    public Guid Id { get; set; }

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public OrganisationKind Kind { get; set; }

    public string? CitySlug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Unified social credit code, checked when the organisation registers itself.</summary>
    public string? CreditCode { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>Organisations the office created or imported are active; self-registered ones wait for 实名核验.</summary>
    public OrganisationStatus Status { get; set; }

    /// <summary>When office staff verified (or refused) it, who, and what they checked it against.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    public string? VerifiedByUserId { get; set; }

    public string? VerificationEvidence { get; set; }

    public OrganisationSummary ToSummary() => new(Id, NameZh, NameEn, Kind, CitySlug);
}

/// <summary>Where an organisation stands. Only an active organisation's people hold their roles.</summary>
internal enum OrganisationStatus
{
    Active = 0,
    AwaitingVerification = 1,
    Refused = 2,
}
