using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Funeng.Web.Shell;

/// <summary>The host's own part: pages, languages, OpenAPI, health, static files, start-up.</summary>
internal static class WebShell
{
    public static IHostApplicationBuilder AddWebShell(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages();
        QuietTempData.Use(services);
        // Enums travel as the same snake_case words the policy files use ("more_than", "goal").
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        services.AddUiStrings(typeof(WebShell).Assembly);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = UiCultures.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(UiCultures.Chinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Cookie first (the language switch), then ?culture=; the browser's Accept-Language only for the API:
            // the portal opens in Chinese unless the user chooses English.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider(), new ApiAcceptLanguage()];
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Funeng API";
            document.Info.Description = "The open API of the Funeng AI-empowerment platform. Authenticate with 'Authorization: Bearer <token>' (create one at /account/tokens).";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddPublicCaching(builder.Configuration);
        services.AddForwardedHeadersBehindProxy(builder.Configuration);
        services.AddFunengRateLimits();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        // The API answers errors with problem details; pages get the site-styled error page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseExceptionHandler("/error/500").UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles(PublicCaching.StaticFiles());
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePublicCaching();

        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Served from this host alone: no fonts from a CDN, no telemetry, and no vendor buttons (AI chat, MCP, "Deploy").
        app.MapScalarApiReference("/api/reference", o =>
        {
            o.WithTitle("Funeng API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            o.DefaultFonts = false;
            o.Telemetry = false;
            o.HideClientButton = true;
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.Agent = new ScalarAgentOptions { Disabled = true };
            o.Mcp = new ScalarMcpOptions { Disabled = true };
            o.Favicon = "/favicon.svg";
        });
        app.MapHealthChecks("/health");
        app.MapGet("/culture/{culture}", SwitchCulture).ExcludeFromDescription();
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>Migrates, runs module initializers, seeds the demo data if configured, and prints where to browse.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StartupOptions>>().Value;
        var startup = app.Services.GetRequiredService<StartupSequence>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Funeng");
        // The operator's console speaks the platform's default language, whatever LANG says: the migration steps, a
        // refused data file that stops the start, the demo seeders' lines, the address and the modules' log lines.
        var chinese = app.Services.GetRequiredService<OperatorLanguage>().Culture;
        var text = app.Services.GetRequiredService<UiText>();
        if (options.MigrateDatabase)
        {
            await startup.MigrateAsync(m => logger.LogInformation("{Step}", m.In(text, chinese)));
        }

        await startup.InitializeInAsync(chinese, line => logger.LogInformation("{Step}", line));
        if (options.SeedDemoData)
        {
            // Not through the logger: passwords go to the terminal, or to an owner-only file when output is a log.
            var secrets = Path.Combine(app.Configuration["FUNENG_HOME"] ?? Directory.GetCurrentDirectory(), "data", "demo-accounts.txt");
            OneTimeSecrets.Show(await startup.SeedDemoInAsync(chinese), Console.Out, Console.IsOutputRedirected, secrets, text, chinese);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                Console.WriteLine(ProblemMessage.Of("shell.running-at", address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)).In(text, chinese));
            }
        });
    }

    /// <summary>
    /// The language switch: a plain link, so it works without JavaScript. Sets the culture cookie for a year and
    /// returns to the page the user was on.
    /// </summary>
    private static IResult SwitchCulture(string culture, string? returnUrl, HttpContext context)
    {
        var chosen = UiCultures.All.Contains(culture) ? culture : UiCultures.Chinese;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = IsLocalPath(returnUrl) ? returnUrl! : "/";
        return Results.LocalRedirect(RedirectTarget.Encoded(target));
    }

    /// <summary>
    /// A path on this site: starts with one '/', followed by neither '/' nor a backslash (browsers read "/\evil" as
    /// "//evil", another host), and holds no control characters: the rule of MVC's IsLocalUrl for paths.
    /// </summary>
    internal static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
