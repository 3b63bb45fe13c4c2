using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Funeng.Platform.Tokens;
using Funeng.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Accounts;

/// <summary>
/// Registration, 实名核验, invitations and password reset, with the mail read from a real SMTP server and Platform
/// booted alone.
/// </summary>
public abstract partial class RegistrationTests(ITestApp app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registered_organisation_holds_its_role_only_after_the_office_verifies_it_with_evidence()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var (email, password, code) = await RegisterAsync("enterprise");

        var confirmation = await app.Mailbox.WaitForAsync(email);
        var confirmed = await app.Anonymous().GetStringAsync(PathOf(TestMailbox.Link(confirmation, "/account/confirm-email")), Cancel);
        Assert.Contains("data-testid=\"confirmed\"", confirmed, StringComparison.Ordinal);

        var admin = await ClientForAsync(email);
        Assert.Empty(await RolesAsync(admin));
        var notices = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/notifications", Cancel);
        Assert.Contains(notices.EnumerateArray(), n => n.GetProperty("link").GetString() == "/account/organisations");

        var organisationId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/account/me", Cancel)).GetProperty("organisationId").GetGuid();
        var refused = await admin.PostAsJsonAsync($"/api/v1/platform/organisations/{organisationId}/verification", new { verified = true, evidence = "self" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var noEvidence = await office.Client.PostAsJsonAsync($"/api/v1/platform/organisations/{organisationId}/verification", new { verified = true, evidence = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.True((await noEvidence.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("evidence", out _));

        var verified = await office.Client.PostAsJsonAsync($"/api/v1/platform/organisations/{organisationId}/verification",
            new { verified = true, evidence = "国家企业信用信息公示系统：名称与代码一致，存续" }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Equal([Roles.Enterprise], await RolesAsync(admin));
        var verifiedMail = await app.Mailbox.WaitForAsync(email, m => m.Subject == "本机构已通过实名核验");
        Assert.Contains("公示系统", verifiedMail.TextBody, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PlatformDb>().AuditEntries
            .SingleAsync(e => e.Action == "platform.organisation.verified" && e.EntityId == organisationId.ToString(), Cancel);
        Assert.Contains(code, entry.Details, StringComparison.Ordinal);
        Assert.Contains("公示系统", entry.Details, StringComparison.Ordinal);
        Assert.Equal(office.UserId, entry.ActorUserId);
        Assert.NotEmpty(password);
    }

    [Fact]
    public async Task A_wrong_credit_code_is_refused_naming_the_field_and_nothing_is_created()
    {
        var email = $"bad-{Guid.NewGuid():N}@example.cn";
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/account/registrations", Body(email, "91440300708461136X"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("creditCode", out _));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<FunengUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task The_same_credit_code_registers_once()
    {
        var (_, _, code) = await RegisterAsync("enterprise");
        var again = await app.Anonymous().PostAsJsonAsync("/api/v1/account/registrations", Body($"again-{Guid.NewGuid():N}@example.cn", code), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("creditCode", out _));
    }

    [Fact]
    public async Task An_administrator_invites_a_colleague_who_sets_a_password_from_the_mail()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var (email, _, _) = await RegisterAsync("university");
        await app.Anonymous().GetStringAsync(PathOf(TestMailbox.Link(await app.Mailbox.WaitForAsync(email), "/account/confirm-email")), Cancel);
        var admin = await ClientForAsync(email);
        var organisationId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/account/me", Cancel)).GetProperty("organisationId").GetGuid();
        await office.Client.PostAsJsonAsync($"/api/v1/platform/organisations/{organisationId}/verification", new { verified = true, evidence = "checked" }, Cancel);

        var colleague = $"colleague-{Guid.NewGuid():N}@example.cn";
        var officeRole = await admin.PostAsJsonAsync("/api/v1/account/colleagues", new { email = colleague, roles = new[] { Roles.OfficeStaff } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, officeRole.StatusCode);
        var invited = await admin.PostAsJsonAsync("/api/v1/account/colleagues", new { email = colleague, displayName = "刘老师", roles = new[] { Roles.Expert } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        var mail = await app.Mailbox.WaitForAsync(colleague);
        await SetPasswordFromLinkAsync(TestMailbox.Link(mail, "/account/set-password"), "Colleague-pass-1a");

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FunengUser>>();
        var account = await users.FindByEmailAsync(colleague);
        Assert.NotNull(account);
        Assert.True(account.EmailConfirmed);
        Assert.Equal(organisationId, account.OrganisationId);
        Assert.True(await users.CheckPasswordAsync(account, "Colleague-pass-1a"));
        Assert.Equal([Roles.Expert], await users.GetRolesAsync(account));

        var notAdmin = await ClientForAsync(colleague);
        var forbidden = await notAdmin.PostAsJsonAsync("/api/v1/account/colleagues", new { email = $"x-{Guid.NewGuid():N}@example.cn", roles = new[] { Roles.Expert } }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_and_the_link_works_once()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        var accepted = await app.Anonymous().PostAsJsonAsync("/api/v1/account/password-resets", new { email = user.Email }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var unknown = await app.Anonymous().PostAsJsonAsync("/api/v1/account/password-resets", new { email = "nobody@example.cn" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);

        var link = TestMailbox.Link(await app.Mailbox.WaitForAsync(user.Email), "/account/set-password");
        Assert.Contains("data-testid=\"password-set\"", await SetPasswordFromLinkAsync(link, "Brand-new-pass-2b"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"password-set\"", await SetPasswordFromLinkAsync(link, "Another-pass-3c"), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FunengUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.UserId))!, "Brand-new-pass-2b"));
        Assert.DoesNotContain(app.Mailbox.Messages, m => m.To.Mailboxes.Any(b => b.Address == "nobody@example.cn"));
    }

    private static object Body(string email, string code, string kind = "enterprise") => new
    {
        nameZh = $"测试注册机构{code}",
        kind,
        citySlug = "guangzhou",
        creditCode = code,
        contactName = "陈晓",
        contactEmail = email,
        password = "Register-pass-1a",
    };

    private async Task<(string Email, string Password, string Code)> RegisterAsync(string kind)
    {
        var email = $"admin-{Guid.NewGuid():N}@example.cn";
        var code = TestCreditCodes.New();
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/account/registrations", Body(email, code, kind), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (email, "Register-pass-1a", code);
    }

    private async Task<HttpClient> ClientForAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<FunengUser>>().FindByEmailAsync(email);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenCommands>().IssueAsync(user!.Id, "tests", 30, parentTokenId: null, CancellationToken.None);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    private static async Task<List<string?>> RolesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/account/me", Cancel)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();

    /// <summary>Opens the mailed link and submits the form on it, as a person would, antiforgery token included.</summary>
    private async Task<string> SetPasswordFromLinkAsync(string link, string password)
    {
        var client = app.Anonymous();
        var form = await client.GetStringAsync(PathOf(link), Cancel);
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{name}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        var response = await client.PostAsync("/account/set-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = Hidden("userId"),
            ["code"] = Hidden("code"),
            ["password"] = password,
            ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"),
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;
}

public sealed class RegistrationOnSqlite(PlatformSqliteApp app) : RegistrationTests(app), IClassFixture<PlatformSqliteApp>;

public sealed class RegistrationOnPostgres(PlatformPostgresApp app) : RegistrationTests(app), IClassFixture<PlatformPostgresApp>;
