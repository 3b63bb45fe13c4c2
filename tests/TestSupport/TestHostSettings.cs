using System.Globalization;

namespace Funeng.TestSupport;

/// <summary>The settings every test host runs with, whole app or one module.</summary>
internal static class TestHostSettings
{
    public const string Environment = "Testing";

    public static IReadOnlyDictionary<string, string?> For(TestDatabase database, TestMailbox mailbox)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Funeng"] = database.ConnectionString,
            ["Startup:SeedDemoData"] = "false",
            // Most tests change data behind the HTTP pipeline's back (a test live source, a direct database write),
            // which a cached public page cannot see; the cache has its own tests (CachedSqliteApp).
            ["PublicCache:Enabled"] = "false",
            // Award events are delivered right after each commit; the worker's periodic round would deliver what a test
            // leaves pending on purpose (a simulated crash), so it runs at start-up only and such tests run it themselves.
            ["Incentives:OutboxDeliverySeconds"] = "0",
            ["Platform:Mail:SmtpHost"] = "127.0.0.1",
            ["Platform:Mail:SmtpPort"] = mailbox.Port.ToString(CultureInfo.InvariantCulture),
        };

        // The in-process server gives requests no client address, so a whole fixture shares one rate-limit bucket;
        // the limits have their own tests (RateLimitTests), which set them low again.
        foreach (var policy in new[] { "SignIn", "Registration", "PasswordReset", "AnonymousSearch" })
        {
            settings[$"RateLimits:{policy}:PermitLimit"] = "1000000";
        }

        return settings;
    }
}
