namespace Funeng.Platform.Contracts;

/// <summary>In-platform notifications: a line in the recipient's inbox with a link to what changed.</summary>
public interface INotifier
{
    /// <summary>Notifies one user.</summary>
    Task NotifyUserAsync(string userId, string titleZh, string titleEn, string link, CancellationToken cancellationToken = default);

    /// <summary>Notifies every user of an organisation.</summary>
    Task NotifyOrganisationAsync(Guid organisationId, string titleZh, string titleEn, string link, CancellationToken cancellationToken = default);
}
