namespace Funeng.Platform.Contracts;

/// <summary>An organisation as other modules see it.</summary>
/// <param name="Id">Stable id other modules store.</param>
/// <param name="NameZh">Legal name in Chinese.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="Kind">What sort of organisation it is.</param>
/// <param name="CitySlug">Its Guangdong city, if any.</param>
public sealed record OrganisationSummary(Guid Id, string NameZh, string NameEn, OrganisationKind Kind, string? CitySlug);

/// <summary>Looks up and registers organisations; the Platform module owns them, other modules store their ids.</summary>
public interface IOrganisationDirectory
{
    Task<OrganisationSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrganisationSummary>> ListAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default);
}
