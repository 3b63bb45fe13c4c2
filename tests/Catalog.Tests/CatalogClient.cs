using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests;

/// <summary>Intent methods over the catalog API, so HTTP tests read as what users do.</summary>
internal static class CatalogClient
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static object Algorithm(string titleZh, string titleEn, string summaryZh = "", string summaryEn = "", string city = "guangzhou", string[]? sectors = null) => new
    {
        type = "algorithm_product",
        titleZh,
        titleEn,
        summaryZh,
        summaryEn,
        citySlug = city,
        sectors = sectors ?? ["elder_care"],
        keywords = Array.Empty<string>(),
        attributes = new Dictionary<string, string> { ["deployment"] = "cloud; edge" },
    };

    public static async Task<Guid> CreateAsync(this HttpClient client, object listing)
    {
        var response = await client.PostAsJsonAsync("/api/v1/catalog/listings", listing, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return body.GetProperty("listing").GetProperty("summary").GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid id, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/catalog/listings/{id}/{action}", body ?? new { }, Token);

    public static async Task PublishedAsync(this HttpClient owner, HttpClient office, Guid id)
    {
        Assert.Equal(HttpStatusCode.OK, (await owner.ActAsync(id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.ActAsync(id, "publish")).StatusCode);
    }

    /// <summary>A listing created by a new enterprise and published by a new office member: what the public finds.</summary>
    public static async Task<Guid> PublishedListingAsync(this ITestApp app, object listing)
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(listing);
        await owner.Client.PublishedAsync(office.Client, id);
        return id;
    }

    public static async Task<JsonElement> SearchAsync(this HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog/search?" + query, Token);

    public static async Task<List<Guid>> HitIdsAsync(this HttpClient client, string query) =>
        (await client.SearchAsync(query)).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();
}
