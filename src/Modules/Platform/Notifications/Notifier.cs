using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Notifications;

internal sealed class Notifier(PlatformDb db, IMailer mailer, AccountLinks links, TimeProvider clock, UiText text) : INotifier
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

    public async Task<OrganisationReach> ReachOrganisationAsync(Guid organisationId, string? contactEmail, string titleZh, string titleEn, string link, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(u => u.OrganisationId == organisationId, cancellationToken))
        {
            await NotifyOrganisationAsync(organisationId, titleZh, titleEn, link, cancellationToken);
            return new OrganisationReach(OrganisationReachKind.Members);
        }

        var registered = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.ContactEmail).FirstOrDefaultAsync(cancellationToken);
        var address = new[] { registered, contactEmail }.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))?.Trim();
        if (address is null)
        {
            return new OrganisationReach(OrganisationReachKind.Nobody);
        }

        // No account means no language preference: the message is written in both languages, Chinese first.
        var body = ProblemMessage.Of("mail.reach.body", new LocalizedText(titleZh, titleEn), links.Absolute(link), links.Absolute("/account/register")).Both(text);
        await mailer.SendAsync(new OutgoingMail(address, $"{titleZh} / {titleEn}", $"{body.Zh}\n\n{body.En}\n"), cancellationToken);
        return new OrganisationReach(OrganisationReachKind.Email, address);
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
