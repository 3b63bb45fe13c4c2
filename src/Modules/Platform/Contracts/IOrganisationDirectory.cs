using Funeng.Kernel.Localization;

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

/// <summary>How other modules name an organisation to a reader.</summary>
public static class OrganisationNames
{
    /// <summary>
    /// The organisation's name in both languages (the Chinese one where it has no English one). When the directory
    /// does not know it: <paramref name="recorded"/> (the name the caller's own record keeps), else its id, so a text
    /// that names it still says which one it was.
    /// </summary>
    public static async Task<LocalizedText> NameOfAsync(this IOrganisationDirectory directory, Guid id, string? recorded = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (await directory.FindAsync(id, cancellationToken) is { } organisation)
        {
            return LocalizedText.Of(organisation.NameZh, organisation.NameEn);
        }

        var fallback = string.IsNullOrWhiteSpace(recorded) ? id.ToString() : recorded;
        return new LocalizedText(fallback, fallback);
    }
}
