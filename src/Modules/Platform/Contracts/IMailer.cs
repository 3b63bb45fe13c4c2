namespace Funeng.Platform.Contracts;

/// <summary>A plain-text message to one person.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The text; links in it are absolute.</param>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>Sends mail through the configured SMTP server, or writes it to the pickup folder (see <see cref="MailOptions"/>).</summary>
public interface IMailer
{
    /// <summary>Sends now; throws when the server refuses, so the caller can tell the person it did not go.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
