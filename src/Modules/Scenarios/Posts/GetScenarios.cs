using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Posts;

/// <summary><c>GET /api/v1/scenarios</c> and <c>GET /api/v1/scenarios/{id}</c>: the public sees published ones; owners and reviewers see theirs.</summary>
internal sealed class GetScenarios(ScenariosDb db, ScenarioAccess access)
{
    /// <summary>Which scenarios to list; <c>Mine</c> lists the user's organisation's, <c>Queue</c> the submitted ones a reviewer may act on.</summary>
    internal sealed record Filter(string? Sector = null, string? City = null, bool Mine = false, bool Queue = false);

    public async Task<ScenarioView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var post = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null || !await access.CanSeeAsync(post, cancellationToken))
        {
            return null;
        }

        return ScenarioView.From(post, ScenarioLifecycle.Available(post.Status, await access.ActorsAsync(post, cancellationToken)), access.Actor.IsAuthenticated);
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
        var views = new List<ScenarioView>(posts.Count);
        foreach (var post in posts)
        {
            var actors = await access.ActorsAsync(post, cancellationToken);
            if (filter.Queue && !actors.Contains(ScenarioActor.Reviewer))
            {
                continue;
            }

            views.Add(ScenarioView.From(post, ScenarioLifecycle.Available(post.Status, actors), access.Actor.IsAuthenticated));
        }

        return views;
    }

    public static async Task<Ok<IReadOnlyList<ScenarioView>>> HandleListAsync(string? sector, string? city, bool? mine, bool? queue, GetScenarios get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.ListAsync(new Filter(sector, city, mine ?? false, queue ?? false), cancellationToken));

    public static async Task<Ok<ScenarioView>> HandleFindAsync(Guid id, GetScenarios get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.FindAsync(id, cancellationToken) ?? throw EditScenario.NotFound(id));
}
