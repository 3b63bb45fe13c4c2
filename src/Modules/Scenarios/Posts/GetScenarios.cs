using Funeng.Kernel.Localization;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Scenarios.Posts;

/// <summary><c>GET /api/v1/scenarios</c> and <c>GET /api/v1/scenarios/{id}</c>: the public sees published ones; owners and reviewers see theirs.</summary>
internal sealed class GetScenarios(ScenariosDb db, ScenarioAccess access, IOrganisationDirectory organisations, IOptions<ScenariosOptions> options)
{
    private Attribution Shown => Attribution.For(access.Actor.IsAuthenticated, options.Value);

    /// <summary>Which scenarios to list; <c>Mine</c> lists the user's organisation's, <c>Queue</c> the submitted ones a reviewer may act on.</summary>
    internal sealed record Filter(string? Sector = null, string? City = null, bool Mine = false, bool Queue = false);

    public async Task<ScenarioView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var post = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null || !await access.CanSeeAsync(post, cancellationToken))
        {
            return null;
        }

        var owner = Shown.OrganisationName ? await organisations.FindAsync(post.OwnerOrganisationId, cancellationToken) : null;
        return ScenarioView.From(post, ScenarioLifecycle.Available(post.Status, await access.ActorsAsync(post, cancellationToken)), Shown, NameOf(owner));
    }

    public async Task<IReadOnlyList<ScenarioView>> ListAsync(Filter filter, CancellationToken cancellationToken)
    {
        var query = db.Scenarios.AsNoTracking();
        if (filter.Mine)
        {
            var organisation = access.Actor.OrganisationId ?? Guid.Empty;
            query = query.Where(p => p.OwnerOrganisationId == organisation);
        }
        else if (filter.Queue)
        {
            query = query.Where(p => p.Status == ScenarioStatus.Submitted);
        }
        else
        {
            query = query.Where(p => p.PublishedAt != null && (p.Status == ScenarioStatus.Published || p.Status == ScenarioStatus.Matched
                || p.Status == ScenarioStatus.InDelivery || p.Status == ScenarioStatus.Delivered));
        }

        if (filter.Sector is not null)
        {
            query = query.Where(p => p.Sector == filter.Sector);
        }

        if (filter.City is not null)
        {
            query = query.Where(p => p.CitySlug == filter.City);
        }

        var posts = await query.OrderByDescending(p => p.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        var owners = Shown.OrganisationName && posts.Count > 0 ? (await organisations.ListAsync(cancellationToken: cancellationToken)).ToDictionary(o => o.Id) : new Dictionary<Guid, OrganisationSummary>();
        var views = new List<ScenarioView>(posts.Count);
        foreach (var post in posts)
        {
            var actors = await access.ActorsAsync(post, cancellationToken);
            if (filter.Queue && !actors.Contains(ScenarioActor.Reviewer))
            {
                continue;
            }

            views.Add(ScenarioView.From(post, ScenarioLifecycle.Available(post.Status, actors), Shown, NameOf(owners.GetValueOrDefault(post.OwnerOrganisationId))));
        }

        return views;
    }

    private static LocalizedText? NameOf(OrganisationSummary? owner) => owner is null ? null : new LocalizedText(owner.NameZh, owner.NameEn);

    public static async Task<Ok<IReadOnlyList<ScenarioView>>> HandleListAsync(string? sector, string? city, bool? mine, bool? queue, GetScenarios get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.ListAsync(new Filter(sector, city, mine ?? false, queue ?? false), cancellationToken));

    public static async Task<Ok<ScenarioView>> HandleFindAsync(Guid id, GetScenarios get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.FindAsync(id, cancellationToken) ?? throw EditScenario.NotFound(id));
}
