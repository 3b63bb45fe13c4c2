using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Challenges;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Following;

/// <summary>
/// Users follow scenarios and challenges, to hear of their changes (<c>Notifications/NotifyFollowers</c> tells them).
/// A user follows only what they may see.
/// </summary>
internal sealed class Followers(ScenariosDb db, ScenarioAccess access, IActor actor)
{
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
        if (entityType == Follow.ScenarioType)
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
