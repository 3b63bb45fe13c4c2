using Funeng.Kernel.Database;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Workbench;
using Funeng.Platform.Accounts;
using Funeng.Platform.Audit;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Funeng.Platform.Demo;
using Funeng.Platform.Mail;
using Funeng.Platform.Notifications;
using Funeng.Platform.Organisations;
using Funeng.Platform.Tokens;
using Funeng.Platform.Workbench;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Funeng.Platform;

/// <summary>Accounts, organisations, roles, API tokens, audit log and notifications.</summary>
public static class PlatformModule
{
    /// <summary>The authentication scheme that picks the API token or the cookie for each request.</summary>
    public const string AuthenticationScheme = "Funeng";

    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<PlatformDb, SqlitePlatformDb, PostgresPlatformDb>("Platform", PlatformDb.MigrationsHistoryTable);
        var services = builder.Services;
        services.AddUiStrings(typeof(PlatformModule).Assembly);
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section)
            .Validate(o => o.Mail.SmtpPort is > 0 and < 65536, "Platform:Mail:SmtpPort must be a TCP port.")
            .ValidateOnStart();

        // Keys in the database: sign-ins survive restarts and every instance behind a load balancer shares them.
        // Encrypted there by a certificate kept outside it, read (or made) here because the framework takes it as an
        // instance (KeyEncryptionCertificate).
        var certificate = KeyEncryptionCertificate.FromFile(PlatformOptions.KeyPath(builder.Configuration, nameof(PlatformOptions.DataProtectionCertificateFile), "data-protection.pfx"));
        services.AddDataProtection().SetApplicationName("Funeng").PersistKeysToDbContext<PlatformDb>().ProtectKeysWithCertificate(certificate);

        services.AddIdentity<FunengUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                // Ten wrong passwords pause password sign-in for five minutes; API tokens are not affected
                // (ApiTokenAuthentication), so a stranger who types wrong passwords cannot stop a user's clients.
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                // A registered address signs in once its mail is confirmed; invited colleagues confirm by setting a password.
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<PlatformDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<FunengClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "funeng.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationScheme;
                o.DefaultAuthenticateScheme = AuthenticationScheme;
                o.DefaultChallengeScheme = AuthenticationScheme;
                o.DefaultForbidScheme = AuthenticationScheme;
            })
            .AddPolicyScheme(AuthenticationScheme, "API token or cookie", o =>
                o.ForwardDefaultSelector = ctx => ApiTokenAuthentication.UsesToken(ctx.Request)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization();
        // Invitation and reset links stay valid for three days (Identity's default is one).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        services.AddSingleton<IMailer, Mailer>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<OrganisationAccounts>();
        services.AddScoped<ChangeUserRoles>();
        services.AddScoped<AccountQueries>();
        services.AddScoped<VerificationQueue>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IWorkbenchSource, PlatformWorkItems>();

        // Every cookie request checks the user's security stamp (one read by key), so a role change or a sign-out
        // (both renew the stamp) ends the sessions that hold the old one at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddOptions<PlatformOptions>()
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                o.AuditKeyFile = string.IsNullOrWhiteSpace(o.AuditKeyFile) ? PlatformOptions.KeyPath(configuration, nameof(o.AuditKeyFile), "audit.key") : o.AuditKeyFile;
                o.DataProtectionCertificateFile = PlatformOptions.KeyPath(configuration, nameof(o.DataProtectionCertificateFile), "data-protection.pfx");
            });
        services.AddSingleton(sp => AuditKey.FromOptions(sp.GetRequiredService<IOptions<PlatformOptions>>().Value));
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<ApiTokenCommands>();
        services.AddScoped<IAccountCommands, AccountCommands>();
        services.AddScoped<IStartupInitializer, PlatformRoles>();
        services.AddScoped<IDemoSeeder, PlatformDemoSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var account = endpoints.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization();
        account.MapGet("/me", GetMe.Handle).WithName("Platform.GetMe");
        account.MapGet("/tokens", ApiTokenEndpoints.HandleListAsync).WithName("Platform.ListTokens");
        account.MapPost("/tokens", ApiTokenEndpoints.HandleCreateAsync).WithName("Platform.CreateToken");
        account.MapDelete("/tokens/{id:guid}", ApiTokenEndpoints.HandleRevokeAsync).WithName("Platform.RevokeToken");
        account.MapGet("/notifications", ListNotifications.HandleAsync).WithName("Platform.ListNotifications");
        account.MapPost("/colleagues", AccountEndpoints.InviteAsync).WithName("Platform.InviteColleague");

        // Anonymous account endpoints, limited per client address like their pages (Register, ForgotPassword, SetPassword).
        var open = endpoints.MapGroup("/api/v1/account").WithTags("Account").AllowAnonymous();
        open.MapPost("/registrations", AccountEndpoints.RegisterAsync).WithName("Platform.RegisterOrganisation")
            .RequireRateLimiting(RateLimits.Registration);
        open.MapPost("/password-resets", AccountEndpoints.RequestPasswordResetAsync).WithName("Platform.RequestPasswordReset")
            .RequireRateLimiting(RateLimits.PasswordReset);

        var platform = endpoints.MapGroup("/api/v1/platform").WithTags("Platform");
        platform.MapGet("/organisations", ListOrganisations.HandleAsync).WithName("Platform.ListOrganisations");
        platform.MapPut("/users/{userId}/roles", ChangeUserRoles.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Platform.ChangeUserRoles");
        platform.MapPost("/organisations/{id:guid}/verification", AccountEndpoints.VerifyAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Platform.VerifyOrganisation");
        platform.MapGet("/audit/verify", VerifyAudit.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Platform.VerifyAudit");
        return endpoints;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
