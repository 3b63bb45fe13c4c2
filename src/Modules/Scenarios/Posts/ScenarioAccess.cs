using Funeng.Kernel.Geography;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;

namespace Funeng.Scenarios.Posts;

/// <summary>
/// Who the current user is to a scenario or list: its owner (same organisation), a reviewer (office staff
/// anywhere; city staff for their own city), or the public.
/// </summary>
internal sealed class ScenarioAccess(IActor actor, IOrganisationDirectory organisations)
{
    public IActor Actor => actor;

    public async Task<IReadOnlyCollection<ScenarioActor>> ActorsAsync(ScenarioPost post, CancellationToken cancellationToken)
    {
        var actors = new List<ScenarioActor>(2);
        if (actor.BelongsTo(post.OwnerOrganisationId))
        {
            actors.Add(ScenarioActor.Owner);
        }

        if (await CanReviewScopeAsync(GuangdongCities.CityScopePrefix + post.CitySlug, cancellationToken))
        {
            actors.Add(ScenarioActor.Reviewer);
        }

        return actors;
    }

    /// <summary>Office staff review everywhere; city staff only within their organisation's city.</summary>
    public async Task<bool> CanReviewScopeAsync(string scope, CancellationToken cancellationToken)
    {
        if (actor.IsInRole(Roles.OfficeStaff))
        {
            return true;
        }

        if (!actor.IsInRole(Roles.CityStaff) || actor.OrganisationId is not { } organisationId)
        {
            return false;
        }

        var organisation = await organisations.FindAsync(organisationId, cancellationToken);
        return organisation?.CitySlug is { } city && scope == GuangdongCities.CityScopePrefix + city;
    }

    public async Task<bool> CanSeeAsync(ScenarioPost post, CancellationToken cancellationToken) =>
        // A public scenario needs no reading of who the user is to it (a city reviewer's organisation, per request).
        IsPublic(post) || CanSee(post, await ActorsAsync(post, cancellationToken));

    /// <summary>Whether a user who is <paramref name="actors"/> to the scenario may read it: anyone once it is public.</summary>
    public static bool CanSee(ScenarioPost post, IReadOnlyCollection<ScenarioActor> actors) => IsPublic(post) || actors.Count > 0;

    /// <summary>True when anyone, signed in or not, may read the scenario.</summary>
    public static bool IsPublic(ScenarioPost post) => post.PublishedAt is not null && ScenarioLifecycle.IsPublic(post.Status);

    /// <summary>Throws a 403 problem unless the user may review within <paramref name="scope"/>.</summary>
    public async Task DemandReviewerAsync(string scope, CancellationToken cancellationToken)
    {
        if (!await CanReviewScopeAsync(scope, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.reviewers-of-scope", GuangdongCities.ScopeName(scope)), "scope", 403);
        }
    }
}
