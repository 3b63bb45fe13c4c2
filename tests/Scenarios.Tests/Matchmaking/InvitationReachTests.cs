using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Matchmaking;

/// <summary>
/// An invitation to a supplier known only from the catalog (imported, no account yet) goes by email to its contact
/// address, and the owner is told so (issue 14); with no address, the owner is told it could not be delivered.
/// </summary>
public abstract class InvitationReachTests(FunengApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ScenarioDriver _drive = new(app);

    [Fact]
    public async Task An_invitation_to_a_supplier_without_an_account_is_emailed_to_its_contact_and_the_owner_is_told_so()
    {
        var office = await _drive.OfficeAsync();
        var owner = await _drive.OwnerAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (withContact, withoutContact) = ($"康养算法{tag}科技有限公司", $"无联系{tag}科技有限公司");
        await ImportAsync(office, tag, withContact, withoutContact);
        var reachable = await OrganisationIdAsync(withContact);
        var unreachable = await OrganisationIdAsync(withoutContact);
        var address = $"bd-{tag}@supplier.example.cn";
        (await office.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{reachable}",
            new { legalNameZh = withContact, citySlug = "foshan", sectors = new[] { "elder_care" }, contactEmail = address }, Ct)).EnsureSuccessStatusCode();
        var scenario = await ScenarioDriver.PublishedAsync(owner, office);

        var emailed = await ScenarioDriver.ReadAsync(await owner.Client.PostAsJsonAsync($"/api/v1/scenarios/{scenario}/invitations", new { organisationId = reachable }, Ct), HttpStatusCode.Created);
        var lost = await ScenarioDriver.ReadAsync(await owner.Client.PostAsJsonAsync($"/api/v1/scenarios/{scenario}/invitations", new { organisationId = unreachable }, Ct), HttpStatusCode.Created);

        Assert.Equal("email", emailed.GetProperty("reach").GetString());
        Assert.Equal("nobody", lost.GetProperty("reach").GetString());
        var mail = await app.Mailbox.WaitForAsync(address);
        Assert.Contains("您被邀请对接场景", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/scenarios/approaches", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/register", mail.TextBody, StringComparison.Ordinal);

        // The owner's page says which way each went.
        var page = $"/scenarios/{scenario}";
        var html = await owner.Client.GetStringAsync(page, Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var other = await OrganisationIdAsync(withContact + "二");
        var posted = await owner.Client.PostAsync($"{page}?handler=Invite", new FormUrlEncodedContent([new("organisationId", other.ToString()), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var shown = WebUtility.HtmlDecode(await owner.Client.GetStringAsync(page, Ct));
        // Told once, by the layout's notice, as every page confirms a change.
        Assert.Contains("role=\"status\" data-testid=\"notice\">已记录邀请，但该单位尚未在平台开通账号，也没有联系邮箱", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"notice\"", await owner.Client.GetStringAsync(page, Ct), StringComparison.Ordinal);
    }

    private static async Task ImportAsync(ActingUser office, string tag, params string[] owners)
    {
        var csv = new StringBuilder("type,source,source_id,owner_name_zh,owner_city,title_zh,summary_zh,city,sectors\n");
        foreach (var (name, i) in owners.Append(owners[0] + "二").Select((n, i) => (n, i)))
        {
            csv.Append(FormattableString.Invariant($"algorithm_product,reach-{tag},{tag}-{i},{name},foshan,跌倒检测算法{i},养老机构跌倒检测,foshan,elder_care\n"));
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "listings.csv");
        (await office.Client.PostAsync("/api/v1/catalog/imports", form, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>An imported owner has a catalog profile but no platform account: found through the search, by its name.</summary>
    private async Task<Guid> OrganisationIdAsync(string name)
    {
        var found = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/catalog/search?q={Uri.EscapeDataString(name)}&size=50", Ct);
        return found.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("ownerNameZh").GetString() == name).GetProperty("ownerOrganisationId").GetGuid();
    }
}

// The whole app, not Scenarios alone: an invitation reaches a supplier through Catalog's real profile and contact address.
public sealed class InvitationReachOnSqlite(ScenariosWholeSqliteApp app) : InvitationReachTests(app), IClassFixture<ScenariosWholeSqliteApp>;
