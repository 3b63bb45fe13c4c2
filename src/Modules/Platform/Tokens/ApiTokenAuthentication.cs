using System.Security.Claims;
using System.Text.Encodings.Web;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Funeng.Platform.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer fn_...</c> requests against stored token hashes.</summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PlatformDb db,
    IUserClaimsPrincipalFactory<FunengUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim naming the token a request authenticated with (a token may mint only shorter-lived children).</summary>
    public const string TokenClaim = "funeng:token";

    /// <summary>
    /// Whether a request authenticates with a token rather than the cookie: every request that sends one, and every
    /// API write (POST, PUT, PATCH, DELETE under <c>/api</c>) even without one. The cookie never authorises an API
    /// write, so another site cannot make a signed-in browser send one (CSRF); pages post forms to themselves
    /// with an antiforgery token instead, and nothing in the pages calls the API with the cookie.
    /// </summary>
    public static bool UsesToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method);
        return !safe && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokenSecrets.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        // Password lockout (wrong passwords typed by anyone) deliberately does not stop tokens; revoke them instead.
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The token's user is missing.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        identity.AddClaim(new Claim(TokenClaim, token.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
