using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Posts;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Posts;

/// <summary>
/// Issue 15 item 5: an anonymous reader sees who posted a scenario only as the office chose (by default the
/// organisation's name, not the contact person's), and never the contact detail; signed-in users see all three.
/// Scenarios booted alone.
/// </summary>
public abstract class PublicAttributionTests(ITestApp app, bool organisationShown, bool personShown)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_reader_sees_the_poster_only_as_the_office_chose_and_never_the_contact_detail()
    {
        var drive = new ScenarioDriver(app);
        var owner = await drive.OwnerAsync();
        var id = await ScenarioDriver.PublishedAsync(owner, await drive.OfficeAsync());
        var name = (await app.Services.GetRequiredService<IOrganisationDirectory>().FindAsync(owner.OrganisationId, Ct))!.NameZh;
        var anonymous = app.Anonymous();

        var api = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/scenarios/{id}", Ct);
        var list = await anonymous.GetStringAsync("/api/v1/scenarios", Ct);
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/scenarios/{id}", Ct));

        Assert.Equal(organisationShown ? name : null, api.GetProperty("ownerOrganisationName") is { ValueKind: JsonValueKind.Object } shown ? shown.GetProperty("zh").GetString() : null);
        Assert.Equal(organisationShown, listed.GetProperty("ownerOrganisationName").ValueKind == JsonValueKind.Object);
        Assert.Equal(organisationShown, page.Contains(name, StringComparison.Ordinal));
        Assert.Equal(personShown ? "Zhang" : null, api.GetProperty("contactName").GetString());
        Assert.Equal(personShown, page.Contains("Zhang", StringComparison.Ordinal));
        Assert.All(new[] { api.GetRawText(), list, page }, body => Assert.DoesNotContain("owner@example.test", body, StringComparison.Ordinal));

        var member = await app.CreateUserAsync(Roles.Enterprise);
        var seen = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/scenarios/{id}", Ct);
        Assert.Equal(name, seen.GetProperty("ownerOrganisationName").GetProperty("zh").GetString());
        Assert.Equal("Zhang", seen.GetProperty("contactName").GetString());
        Assert.Equal("owner@example.test", seen.GetProperty("contactDetail").GetString());
    }
}

/// <summary>The defaults: the organisation's name shows, the contact person's does not.</summary>
public sealed class DefaultPublicAttributionTests(ScenariosSqliteApp app) : PublicAttributionTests(app, organisationShown: true, personShown: false), IClassFixture<ScenariosSqliteApp>;

/// <summary>An office that hides organisations and shows contact persons.</summary>
public sealed class ChosenPublicAttributionTests(ChosenPublicAttributionTests.App app) : PublicAttributionTests(app, organisationShown: false, personShown: true), IClassFixture<ChosenPublicAttributionTests.App>
{
    public sealed class App() : ModuleApp(ModuleUnderTest.Scenarios, new SqliteTestDatabase())
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Scenarios:ShowOwnerOrganisationToPublic"] = "false",
            ["Scenarios:ShowContactPersonToPublic"] = "true",
        };
    }
}

/// <summary>The rule itself, without a host.</summary>
public sealed class AttributionRuleTests
{
    [Theory]
    [InlineData(true, false, true, true, true, true)]
    [InlineData(true, true, false, true, true, true)]
    [InlineData(false, true, false, true, false, false)]
    [InlineData(false, false, true, false, true, false)]
    public void The_contact_detail_is_for_signed_in_readers_only_whatever_the_office_chose(
        bool signedIn, bool showOrganisation, bool showPerson, bool organisation, bool person, bool detail)
    {
        var shown = Attribution.For(signedIn, new ScenariosOptions { ShowOwnerOrganisationToPublic = showOrganisation, ShowContactPersonToPublic = showPerson });

        Assert.Equal(new Attribution(organisation, person, detail), shown);
    }
}
