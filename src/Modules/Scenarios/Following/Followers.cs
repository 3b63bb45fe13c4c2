using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Challenges;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Following;

/// <summary>
/// Users follow scenarios and challenges; when one changes, its followers (and the organisations concerned) get
/// a platform notification. Called after the change has committed, so a failed change notifies no one.
/// A user follows only what they may see, and followers hear of a scenario only while it is public: otherwise
/// following an unpublished scenario's id would deliver its title (issue 15).
/// </summary>
internal sealed class Followers(ScenariosDb db, INotifier notifier, ScenarioAccess access, IActor actor)
{
    public const string ScenarioType = "scenario";
    public const string ChallengeType = "challenge";

    public async Task NotifyAsync(string entityType, Guid entityId, string titleZh, string titleEn, string link, IEnumerable<Guid>? organisations = null, CancellationToken cancellationToken = default)
    {
        if (entityType == ScenarioType && await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == entityId, cancellationToken) is { } post && !ScenarioAccess.IsPublic(post))
        {
            await NotifyOrganisationsAsync(organisations, titleZh, titleEn, link, cancellationToken);
            return;
        }

        var followers = await db.Follows.AsNoTracking()
            .Where(f => f.EntityType == entityType && f.EntityId == entityId && f.UserId != actor.UserId)
            .Select(f => f.UserId).ToListAsync(cancellationToken);
        foreach (var follower in followers)
        {
            await notifier.NotifyUserAsync(follower, titleZh, titleEn, link, cancellationToken);
        }

        await NotifyOrganisationsAsync(organisations, titleZh, titleEn, link, cancellationToken);
    }

    private async Task NotifyOrganisationsAsync(IEnumerable<Guid>? organisations, string titleZh, string titleEn, string link, CancellationToken cancellationToken)
    {
        foreach (var organisation in (organisations ?? []).Distinct().Where(o => !actor.BelongsTo(o)))
        {
            await notifier.NotifyOrganisationAsync(organisation, titleZh, titleEn, link, cancellationToken);
        }
    }

    public async Task<bool> IsFollowingAsync(string entityType, Guid entityId, CancellationToken cancellationToken) =>
        actor.UserId is { } id && await db.Follows.AnyAsync(f => f.UserId == id && f.EntityType == entityType && f.EntityId == entityId, cancellationToken);

    public async Task SetAsync(string entityType, Guid entityId, bool follow, CancellationToken cancellationToken)
    {
        var userId = actor.UserId ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.sign-follow"), null, 401);
        if (follow)
        {
            await DemandVisibleAsync(entityType, entityId, cancellationToken);
        }

        var exists = await db.Follows.FindAsync([userId, entityType, entityId], cancellationToken);
        if (follow && exists is null)
        {
            db.Follows.Add(new Follow { UserId = userId, EntityType = entityType, EntityId = entityId });
        }
        else if (!follow && exists is not null)
        {
            db.Follows.Remove(exists);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Refuses, as "not found", to follow what the user may not see or what does not exist.</summary>
    private async Task DemandVisibleAsync(string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        if (entityType == ScenarioType)
        {
            var post = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == entityId, cancellationToken);
            if (post is null || !await access.CanSeeAsync(post, cancellationToken))
            {
                throw EditScenario.NotFound(entityId);
            }
        }
        else if (!await db.Challenges.AnyAsync(c => c.Id == entityId, cancellationToken))
        {
            throw ChallengeSnapshot.NotFound(entityId);
        }
    }

    /// <summary><c>PUT|DELETE /api/v1/{scenarios|challenges}/{id}/follow</c></summary>
    public static async Task<NoContent> HandleAsync(string entityType, Guid id, bool follow, Followers followers, CancellationToken cancellationToken)
    {
        await followers.SetAsync(entityType, id, follow, cancellationToken);
        return TypedResults.NoContent();
    }
}
