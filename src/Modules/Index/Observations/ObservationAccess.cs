using Funeng.Kernel.Geography;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;

namespace Funeng.Index.Observations;

/// <summary>Who may enter values for which scope: the office for every scope, city staff for their own city only.</summary>
internal sealed class ObservationAccess(IActor actor, IOrganisationDirectory organisations)
{
    /// <summary>The scopes the current user may write; empty when they may write none.</summary>
    public async Task<IReadOnlyList<string>> WritableScopesAsync(CancellationToken cancellationToken)
    {
        if (!actor.IsAuthenticated)
        {
            // The system (the command line, the demo seeder) is the operator of the machine; anonymous visitors write nothing.
            return actor.IsSystem ? AllScopes : [];
        }

        if (actor.IsInRole(Roles.OfficeStaff))
        {
            return AllScopes;
        }

        var city = await CityAsync(cancellationToken);
        return actor.IsInRole(Roles.CityStaff) && city is not null ? [GuangdongCities.CityScopePrefix + city] : [];
    }

    /// <summary>The city of the user's organisation, if any.</summary>
    public async Task<string?> CityAsync(CancellationToken cancellationToken) =>
        actor.OrganisationId is { } id ? (await organisations.FindAsync(id, cancellationToken))?.CitySlug : null;

    /// <summary>Whether the current user may see drafts of <paramref name="scope"/>.</summary>
    public async Task<bool> MaySeeDraftsAsync(string scope, CancellationToken cancellationToken) =>
        (await WritableScopesAsync(cancellationToken)).Contains(scope);

    public static IReadOnlyList<string> AllScopes { get; } =
        [GuangdongCities.ProvinceScope, .. GuangdongCities.All.Select(c => GuangdongCities.CityScopePrefix + c.Slug)];
}
