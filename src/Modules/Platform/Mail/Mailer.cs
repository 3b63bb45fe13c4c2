using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Funeng.Platform.Mail;

internal sealed class Mailer(IOptions<PlatformOptions> options, OperatorLog<Mailer> log) : IMailer
{
    private readonly MailOptions _mail = options.Value.Mail;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_mail.FromName, _mail.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        if (string.IsNullOrWhiteSpace(_mail.SmtpHost))
        {
            var folder = PickupFolder();
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            log.Information(ProblemMessage.Of("platform.log.mail-written-to-file", mail.To, file));
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(_mail.SmtpHost, _mail.SmtpPort, _mail.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(_mail.UserName))
        {
            await client.AuthenticateAsync(_mail.UserName, _mail.Password, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private string PickupFolder()
    {
        if (!string.IsNullOrWhiteSpace(_mail.PickupDirectory) && Path.IsPathRooted(_mail.PickupDirectory))
        {
            return _mail.PickupDirectory;
        }

        // FUNENG_HOME (set by ./funeng to the repository root) anchors relative folders, as for the SQLite file.
        var home = Environment.GetEnvironmentVariable("FUNENG_HOME") ?? Directory.GetCurrentDirectory();
        return Path.Combine(home, string.IsNullOrWhiteSpace(_mail.PickupDirectory) ? Path.Combine("data", "mail") : _mail.PickupDirectory);
    }
}
