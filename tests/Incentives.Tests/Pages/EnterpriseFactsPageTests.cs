using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Incentives.Tests.Pages;

/// <summary>
/// An enterprise edits its one record in one place: the catalog profile page carries the facts only incentive programs
/// ask about. On the whole app on purpose: the page is Catalog's, with Incentives' part in it.
/// </summary>
public sealed class EnterpriseFactsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_catalog_profile_page_edits_the_incentive_facts_and_leaves_what_the_profile_keeps_to_the_profile()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile",
            new { values = new Dictionary<string, string> { ["sector"] = "finance", ["joint_research"] = "true" }, qualifications = Array.Empty<object>() }, Cancel)).EnsureSuccessStatusCode();

        var page = await enterprise.Client.GetStringAsync("/catalog/profile", Cancel);
        Assert.Contains("id=\"enterprise-facts\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"f.rd_spend\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"f.sector\"", page, StringComparison.Ordinal); // kept on the profile form above it
        Assert.DoesNotContain("name=\"f.untrustworthy\"", page, StringComparison.Ordinal); // kept by office staff

        var saved = await PageForms.PostAsync(enterprise.Client, "/catalog/profile", "/incentives/profile",
            [new("returnUrl", "/catalog/profile"), new("f.rd_spend", "1200000"), new("f.joint_research", ""), new("f.sector", "robots")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/catalog/profile?saved=1", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var facts = (await enterprise.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/profile", Cancel)).GetProperty("facts").GetProperty("values");
        Assert.Equal("1200000", facts.GetProperty("rd_spend").GetString());
        Assert.False(facts.TryGetProperty("joint_research", out _)); // an emptied field clears its answer
        Assert.Equal("finance", facts.GetProperty("sector").GetString()); // not a field of this form: left as it was

        var refused = await PageForms.PostAsync(enterprise.Client, "/incentives/profile", "/incentives/profile", [new("f.rd_spend", "a lot")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("class=\"error\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var office = await (await app.CreateUserAsync(Roles.OfficeStaff)).Client.GetAsync("/incentives/profile", Cancel);
        Assert.True(office.StatusCode == HttpStatusCode.Forbidden || office.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true, $"office staff got {office.StatusCode}");
    }
}
