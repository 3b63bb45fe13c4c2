using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Funeng.Kernel.Security;

/// <summary>
/// The named rate-limit policies of ASP.NET Core's limiter that endpoints and pages attach:
/// <c>.RequireRateLimiting(RateLimits.Registration)</c> on a minimal API, or
/// <c>[EnableRateLimiting(RateLimits.PasswordReset)]</c> on a page model (the middleware runs after routing and
/// authentication, in the web shell). Each policy counts per client address,
/// in a fixed window, only requests that change something (POST, PUT, PATCH, DELETE) — except
/// <see cref="AnonymousSearch"/>, which counts the GETs of anonymous callers and lets signed-in users through.
/// A refused request gets 429 with problem details and <c>Retry-After</c>. Limits are set in the <c>RateLimits</c>
/// configuration section (<see cref="RateLimitOptions"/>).
/// </summary>
public static class RateLimits
{
    /// <summary>Password sign-in attempts (the login form).</summary>
    public const string SignIn = "funeng.sign-in";

    /// <summary>Creating an account.</summary>
    public const string Registration = "funeng.registration";

    /// <summary>Asking for and completing a password reset.</summary>
    public const string PasswordReset = "funeng.password-reset";

    /// <summary>Search by anonymous callers.</summary>
    public const string AnonymousSearch = "funeng.anonymous-search";

    /// <summary>Registers the four policies and the 429 answer.</summary>
    public static IServiceCollection AddFunengRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart()
            .Validate(o => o.SignIn.IsValid() && o.Registration.IsValid() && o.PasswordReset.IsValid() && o.AnonymousSearch.IsValid(),
                "RateLimits: every PermitLimit and WindowSeconds must be at least 1.");
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => ChangesOnly(context, SignIn, limits.SignIn));
            limiter.AddPolicy(Registration, context => ChangesOnly(context, Registration, limits.Registration));
            limiter.AddPolicy(PasswordReset, context => ChangesOnly(context, PasswordReset, limits.PasswordReset));
            limiter.AddPolicy(AnonymousSearch, context => AnonymousOnly(context, limits.AnonymousSearch));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsGet(context.Request.Method) && limits.AnonymousSearchPaths.Any(p => string.Equals(p, context.Request.Path.Value?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                    ? AnonymousOnly(context, limits.AnonymousSearch)
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = (context, _) => WriteRejectionAsync(context);
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>The partition a request counts against: its client address, or one shared bucket when unknown.</summary>
    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();
    }

    private static RateLimitPartition<string> ChangesOnly(HttpContext context, string policy, RateLimitOptions.Window window) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : RateLimitPartition.GetFixedWindowLimiter(policy + "|" + ClientKey(context), _ => window.ToLimiter());

    private static RateLimitPartition<string> AnonymousOnly(HttpContext context, RateLimitOptions.Window window) =>
        context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("signed-in")
            : RateLimitPartition.GetFixedWindowLimiter(AnonymousSearch + "|" + ClientKey(context), _ => window.ToLimiter());

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        // The request's language is known here: the localisation middleware runs before the rate limiter (WebShell).
        var text = http.RequestServices.GetRequiredService<UiText>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = text.Get("problem.too-many-requests", CultureInfo.CurrentUICulture),
                Detail = ProblemMessage.Of("problem.too-many-requests.retry", seconds).In(text, CultureInfo.CurrentUICulture),
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
            },
        });
    }
}

/// <summary>Limits of the named rate-limit policies (section <c>RateLimits</c>); see <see cref="RateLimits"/>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per client address: 30 a minute (room for an office behind one NAT address).</summary>
    public Window SignIn { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>New accounts per client address: 10 an hour.</summary>
    public Window Registration { get; set; } = new() { PermitLimit = 10, WindowSeconds = 3600 };

    /// <summary>Password-reset requests and completions per client address: 10 in 15 minutes.</summary>
    public Window PasswordReset { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };

    /// <summary>Anonymous searches per client address: 120 a minute.</summary>
    public Window AnonymousSearch { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>
    /// Paths whose anonymous GETs count against <see cref="AnonymousSearch"/> without the endpoint attaching the
    /// policy (the catalog's search API and search page, and the suggestions each asks for while one types, which
    /// search the index as well). Don't attach the policy to these as well: it would count twice.
    /// </summary>
    public IReadOnlyList<string> AnonymousSearchPaths { get; set; } = ["/api/v1/catalog/search", "/catalog", "/api/v1/catalog/suggestions", "/catalog/suggestions"];

    /// <summary>A fixed window: at most <see cref="PermitLimit"/> requests in <see cref="WindowSeconds"/>.</summary>
    public sealed class Window
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        internal bool IsValid() => PermitLimit >= 1 && WindowSeconds >= 1;

        internal FixedWindowRateLimiterOptions ToLimiter() => new()
        {
            PermitLimit = PermitLimit,
            Window = TimeSpan.FromSeconds(WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
