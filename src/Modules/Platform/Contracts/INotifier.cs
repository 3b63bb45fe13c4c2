using Funeng.Kernel.Web;

namespace Funeng.Platform.Contracts;

/// <summary>In-platform notifications: a line in the recipient's inbox with a link to what changed.</summary>
public interface INotifier
{
    /// <summary>Notifies one user. The title is a <c>strings.json</c> message, stored in both languages and shown in the reader's.</summary>
    Task NotifyUserAsync(string userId, ProblemMessage title, string link, CancellationToken cancellationToken = default);

    /// <summary>Notifies every user of an organisation (the title as for <see cref="NotifyUserAsync"/>).</summary>
    Task NotifyOrganisationAsync(Guid organisationId, ProblemMessage title, string link, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notifies each of <paramref name="userIds"/> and every user of each of <paramref name="organisationIds"/> (the
    /// title as for <see cref="NotifyUserAsync"/>) in one save: either all of these notifications are written or none
    /// is. A user listed twice, or listed and also a member, is notified each time, as separate calls would.
    /// </summary>
    Task NotifyAllAsync(IEnumerable<string> userIds, IEnumerable<Guid> organisationIds, ProblemMessage title, string link, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reaches an organisation however it can be reached: its users' inboxes when it has users; otherwise an email
    /// to its contact address (the one it registered with, else <paramref name="contactEmail"/>, e.g. its catalog
    /// profile's) with the link made absolute and an invitation to register. Says which, so the sender can be told.
    /// </summary>
    Task<OrganisationReach> ReachOrganisationAsync(Guid organisationId, string? contactEmail, ProblemMessage title, string link, CancellationToken cancellationToken = default);
}

/// <summary>How a message reached an organisation.</summary>
public enum OrganisationReachKind
{
    /// <summary>Its users were notified in the platform.</summary>
    Members,

    /// <summary>It has no users: the message went by email to its contact address.</summary>
    Email,

    /// <summary>It has no users and no contact address: nothing could be sent.</summary>
    Nobody,
}

/// <summary>The outcome of <see cref="INotifier.ReachOrganisationAsync"/>.</summary>
/// <param name="How">Which way, if any.</param>
/// <param name="Address">The email address written to, for <see cref="OrganisationReachKind.Email"/>.</param>
public sealed record OrganisationReach(OrganisationReachKind How, string? Address = null);
