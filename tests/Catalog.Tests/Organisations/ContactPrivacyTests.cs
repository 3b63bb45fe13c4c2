using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;

namespace Funeng.Catalog.Tests.Organisations;

/// <summary>Issue 15: an anonymous reader of the catalog sees no personal contact details and no staff names.</summary>
public sealed class ContactPrivacyTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bug_15_an_anonymous_reader_sees_no_personal_contact_details_of_an_organisation_or_its_listings()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var saved = await owner.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{owner.OrganisationId}", new
        {
            legalNameZh = "联系人保密科技有限公司", citySlug = "guangzhou", sectors = new[] { "elder_care" },
            contactName = "王小明", contactEmail = "wang.xiaoming@example.cn", contactPhone = "+86 20 8888 0000",
        }, Token);
        saved.EnsureSuccessStatusCode();
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("保密算法", "Private contacts algorithm"));
        await owner.Client.PublishedAsync(office.Client, id);

        var anonymous = app.Anonymous();
        var secrets = new[] { "王小明", "wang.xiaoming@example.cn", "8888 0000", office.Email, $"OfficeStaff" };
        foreach (var url in new[]
        {
            $"/api/v1/catalog/organisations/{owner.OrganisationId}", $"/catalog/organisations/{owner.OrganisationId}",
            $"/api/v1/catalog/organisations/{owner.OrganisationId}/listings", $"/api/v1/catalog/listings/{id}", $"/catalog/listings/{id}",
        })
        {
            var body = await anonymous.GetStringAsync(url, Token);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
        }

        var versions = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/catalog/listings/{id}", Token)).GetProperty("versions");
        Assert.Equal(JsonValueKind.Null, Assert.Single(versions.EnumerateArray()).GetProperty("publishedBy").ValueKind);
        var member = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/catalog/organisations/{owner.OrganisationId}", Token);
        Assert.Equal("wang.xiaoming@example.cn", member.GetProperty("contactEmail").GetString());
        var ownerView = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/catalog/listings/{id}", Token);
        Assert.False(string.IsNullOrEmpty(ownerView.GetProperty("versions")[0].GetProperty("publishedBy").GetString()));
    }
}
