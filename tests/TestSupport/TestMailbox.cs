using MimeKit;
using netDumbster.smtp;

namespace Funeng.TestSupport;

/// <summary>
/// A real SMTP server on a free localhost port, in process: the app sends to it through MailKit exactly as it
/// would to a production server, and tests read what arrived.
/// </summary>
public sealed class TestMailbox : IDisposable
{
    private readonly SimpleSmtpServer _server = StartOnFreePort();

    public int Port => _server.Configuration.Port;

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();

    /// <summary>Waits (up to 10 s) for a message to <paramref name="address"/> and returns the newest one.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? where = null)
    {
        for (var i = 0; i < 100; i++)
        {
            var match = Messages.LastOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)) && (where?.Invoke(m) ?? true));
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {address} arrived; received: {string.Join(", ", Messages.SelectMany(m => m.To.Mailboxes).Select(b => b.Address))}");
    }

    /// <summary>The first link in a message's text that starts with <paramref name="prefix"/> (a path such as <c>/account/set-password</c>).</summary>
    public static string Link(MimeMessage message, string prefix)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? "";
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("http", StringComparison.Ordinal) && l.Contains(prefix, StringComparison.Ordinal));
        return line ?? throw new InvalidOperationException($"No {prefix} link in: {text}");
    }

    public void Dispose() => _server.Dispose();

    // A "random unused" port is only unused when it was probed: between the probe and the server's bind, an outgoing
    // connection (PostgreSQL, HTTP) of a fixture running in parallel can take it as its ephemeral local port. CI saw
    // exactly that ("Address already in use"), so a taken port means: probe again.
    private static SimpleSmtpServer StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithRandomPort().Build();
            }
            catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse && attempt < 20)
            {
            }
        }
    }
}
