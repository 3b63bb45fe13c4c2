using Funeng.Platform.Contracts;

namespace Funeng.Platform.Organisations;

/// <summary>An organisation taking part in the platform. Catalog keeps its detailed profile under the same id.</summary>
internal sealed class Organisation
{
    public Guid Id { get; set; }

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public OrganisationKind Kind { get; set; }

    public string? CitySlug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OrganisationSummary ToSummary() => new(Id, NameZh, NameEn, Kind, CitySlug);
}
