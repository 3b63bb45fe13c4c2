using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Notifications;

internal sealed class Notifier(PlatformDb db, IMailer mailer, AccountLinks links, TimeProvider clock, UiText text) : INotifier
{
    public async Task NotifyUserAsync(string userId, ProblemMessage title, string link, CancellationToken cancellationToken = default)
    {
        db.Notifications.Add(New(userId, Both(title), link));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task NotifyOrganisationAsync(Guid organisationId, ProblemMessage title, string link, CancellationToken cancellationToken = default)
    {
        var userIds = await db.Users.Where(u => u.OrganisationId == organisationId).Select(u => u.Id).ToListAsync(cancellationToken);
        var both = Both(title);
        db.Notifications.AddRange(userIds.Select(id => New(id, both, link)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<OrganisationReach> ReachOrganisationAsync(Guid organisationId, string? contactEmail, ProblemMessage title, string link, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(u => u.OrganisationId == organisationId, cancellationToken))
        {
            await NotifyOrganisationAsync(organisationId, title, link, cancellationToken);
            return new OrganisationReach(OrganisationReachKind.Members);
        }

        var registered = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.ContactEmail).FirstOrDefaultAsync(cancellationToken);
        var address = new[] { registered, contactEmail }.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))?.Trim();
        if (address is null)
        {
            return new OrganisationReach(OrganisationReachKind.Nobody);
        }

        // No account means no language preference: the message is written in both languages, Chinese first.
        var both = Both(title);
        var body = ProblemMessage.Of("mail.reach.body", both, links.Absolute(link), links.Absolute("/account/register")).Both(text);
        await mailer.SendAsync(new OutgoingMail(address, $"{both.Zh} / {both.En}", $"{body.Zh}\n\n{body.En}\n"), cancellationToken);
        return new OrganisationReach(OrganisationReachKind.Email, address);
    }

    /// <summary>A title in both languages: a notification is written before anyone reads it, in whichever language they will.</summary>
    private LocalizedText Both(ProblemMessage title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.Both(text);
    }

    private Notification New(string userId, LocalizedText title, string link) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        TitleZh = title.Zh,
        TitleEn = title.En,
        Link = link,
        CreatedAt = clock.GetUtcNow(),
    };
}
