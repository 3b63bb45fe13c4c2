using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Accounts;

/// <summary>API tokens, roles and organisation claims through the real pipeline, with Platform booted alone.</summary>
public abstract class AccessTests(ITestApp app)
{
    [Fact]
    public async Task An_api_token_identifies_the_user_and_their_organisation()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var me = await enterprise.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/me", TestContext.Current.CancellationToken);
        Assert.Equal(enterprise.UserId, me.GetProperty("userId").GetString());
        Assert.Equal(enterprise.OrganisationId, me.GetProperty("organisationId").GetGuid());
        Assert.Equal([Roles.Enterprise], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Anonymous_and_forged_tokens_get_401_not_a_login_redirect()
    {
        var anonymous = await app.Anonymous().GetAsync("/api/v1/account/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fn_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working()
    {
        var user = await app.CreateUserAsync(Roles.Expert);
        var created = await user.Client.PostAsJsonAsync("/api/v1/account/tokens", new { name = "laptop", daysValid = 7 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var second = app.Anonymous();
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/account/me", TestContext.Current.CancellationToken)).StatusCode);

        var revoke = await user.Client.DeleteAsync($"/api/v1/account/tokens/{token.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_user_cannot_revoke_another_users_token()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var other = await app.CreateUserAsync(Roles.Enterprise);
        var tokens = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/tokens", TestContext.Current.CancellationToken);
        var id = tokens.EnumerateArray().First().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"/api/v1/account/tokens/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync("/api/v1/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Only_office_staff_change_roles_and_each_change_is_audited()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var target = await app.CreateUserAsync(Roles.Enterprise);
        var body = new { roles = new[] { Roles.Enterprise, Roles.ScenarioOwner } };

        var refused = await enterprise.Client.PutAsJsonAsync($"/api/v1/platform/users/{target.UserId}/roles", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var accepted = await office.Client.PutAsJsonAsync($"/api/v1/platform/users/{target.UserId}/roles", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var me = await target.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/me", TestContext.Current.CancellationToken);
        Assert.Equal([Roles.Enterprise, Roles.ScenarioOwner], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PlatformDb>().AuditEntries
            .SingleAsync(e => e.Action == "platform.user.roles-changed" && e.EntityId == target.UserId, TestContext.Current.CancellationToken);
        Assert.Equal(office.UserId, entry.ActorUserId);
        Assert.Equal(office.OrganisationId, entry.OrganisationId);
    }

    [Fact]
    public async Task An_unknown_role_is_a_validation_problem_naming_the_field()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var response = await office.Client.PutAsJsonAsync($"/api/v1/platform/users/{office.UserId}/roles", new { roles = new[] { "Emperor" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task A_member_who_is_not_the_administrator_is_refused_in_the_readers_language()
    {
        var member = await app.CreateUserAsync(Roles.Enterprise);
        var colleague = new { email = "colleague@test.local", displayName = "同事", roles = new[] { Roles.Enterprise } };

        var chinese = await member.Client.PostAsJsonAsync("/api/v1/account/colleagues", colleague, TestContext.Current.CancellationToken);
        var english = await member.Client.PostAsJsonAsync("/api/v1/account/colleagues?culture=en", colleague, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, chinese.StatusCode);
        Assert.Equal("只有本机构的管理员才能管理同事账号。", (await chinese.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString());
        Assert.Equal("Only the organisation's administrator manages its colleagues.", (await english.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_public()
    {
        var client = app.Anonymous();
        Assert.Equal("Healthy", await client.GetStringAsync("/health", TestContext.Current.CancellationToken));
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/account/me", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reference/", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class AccessOnSqlite(PlatformSqliteApp app) : AccessTests(app), IClassFixture<PlatformSqliteApp>;

public sealed class AccessOnPostgres(PlatformPostgresApp app) : AccessTests(app), IClassFixture<PlatformPostgresApp>;
