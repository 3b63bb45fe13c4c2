using System.Net;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.Search;

/// <summary>The cached public catalog page shows a listing the moment it is published (issue 16).</summary>
public sealed class CatalogCacheTests(CachedSqliteApp app) : IClassFixture<CachedSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_a_listing_changes_the_cached_catalog_page_at_once()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        const string page = "/catalog?q=%E7%BC%93%E5%AD%98%E5%A4%B1%E6%95%88"; // 缓存失效
        var before = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync(new Uri(page, UriKind.Relative), Token));
        Assert.DoesNotContain("缓存失效巡检机器人", before, StringComparison.Ordinal);
        Assert.Equal(before, WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync(new Uri(page, UriKind.Relative), Token))); // served from the cache

        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("缓存失效巡检机器人", "Cache eviction patrol robot"));
        await owner.Client.PublishedAsync(office.Client, id);

        var after = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync(new Uri(page, UriKind.Relative), Token));
        Assert.Contains("缓存失效巡检机器人", after, StringComparison.Ordinal);
    }
}
