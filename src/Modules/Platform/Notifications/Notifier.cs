using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Notifications;

internal sealed class Notifier(PlatformDb db, IMailer mailer, AccountLinks links, TimeProvider clock, UiText text) : INotifier
{
    public Task NotifyUserAsync(string userId, ProblemMessage title, string link, CancellationToken cancellationToken = default) =>
        NotifyAllAsync([userId], [], title, link, cancellationToken);

    public Task NotifyOrganisationAsync(Guid organisationId, ProblemMessage title, string link, CancellationToken cancellationToken = default) =>
        NotifyAllAsync([], [organisationId], title, link, cancellationToken);

    public async Task NotifyAllAsync(IEnumerable<string> userIds, IEnumerable<Guid> organisationIds, ProblemMessage title, string link, CancellationToken cancellationToken = default)
    {
        var both = Both(title);
        var organisations = organisationIds.ToList();
        var members = organisations.Count == 0 ? [] : await db.Users.Where(u => organisations.Contains(u.OrganisationId))
            .Select(u => new { u.Id, u.OrganisationId }).ToListAsync(cancellationToken);
        var byOrganisation = members.ToLookup(u => u.OrganisationId, u => u.Id);
        db.Notifications.AddRange(userIds.Concat(organisations.SelectMany(o => byOrganisation[o])).Select(id => New(id, both, link)));
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
