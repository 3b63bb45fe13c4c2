using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Notifications;

/// <summary>The caller's notifications, newest first.</summary>
internal sealed class ListNotifications(PlatformDb db, IActor actor, TimeProvider clock)
{
    public sealed record Item(Guid Id, string TitleZh, string TitleEn, string Link, DateTimeOffset CreatedAt, bool Read);

    public async Task<List<Item>> MineAsync(int take, CancellationToken cancellationToken)
    {
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId)
            .OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new Item(n.Id, n.TitleZh, n.TitleEn, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return items;
    }

    /// <summary>The inbox: the latest <paramref name="take"/>, as they were; opening it marks every unread one read.</summary>
    public async Task<List<Item>> OpenInboxAsync(int take, CancellationToken cancellationToken)
    {
        var items = await MineAsync(take, cancellationToken);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return items;
    }

    public static async Task<Ok<List<Item>>> HandleAsync(ListNotifications notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(await notifications.MineAsync(100, cancellationToken));
}
