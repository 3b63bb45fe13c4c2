using Funeng.Kernel.Geography;
using Funeng.Kernel.Security;

namespace Funeng.Index.Observations;

/// <summary>Who may enter values for which scope: the office for every scope, city staff for their own city only
/// (the city of their organisation, which the actor carries).</summary>
internal sealed class ObservationAccess(IActor actor)
{
    /// <summary>The scopes the current user may write; empty when they may write none.</summary>
    public IReadOnlyList<string> WritableScopes()
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

        return actor.IsInRole(Roles.CityStaff) && actor.CitySlug is { } city ? [GuangdongCities.CityScopePrefix + city] : [];
    }

    /// <summary>Whether the current user may see drafts of <paramref name="scope"/>.</summary>
    public bool MaySeeDrafts(string scope) => WritableScopes().Contains(scope);

    public static IReadOnlyList<string> AllScopes { get; } =
        [GuangdongCities.ProvinceScope, .. GuangdongCities.All.Select(c => GuangdongCities.CityScopePrefix + c.Slug)];
}
