using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Notifications;

internal sealed class Notifier(PlatformDb db, TimeProvider clock) : INotifier
{
    public async Task NotifyUserAsync(string userId, string titleZh, string titleEn, string link, CancellationToken cancellationToken = default)
    {
        db.Notifications.Add(New(userId, titleZh, titleEn, link));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task NotifyOrganisationAsync(Guid organisationId, string titleZh, string titleEn, string link, CancellationToken cancellationToken = default)
    {
        var userIds = await db.Users.Where(u => u.OrganisationId == organisationId).Select(u => u.Id).ToListAsync(cancellationToken);
        db.Notifications.AddRange(userIds.Select(id => New(id, titleZh, titleEn, link)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Notification New(string userId, string titleZh, string titleEn, string link) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        TitleZh = titleZh,
        TitleEn = titleEn,
        Link = link,
        CreatedAt = clock.GetUtcNow(),
    };
}
