using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Catalog.Search;
using Funeng.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Search;

/// <summary>A change committed by another process (the command-line import) reaches the running host's index.</summary>
public sealed class IndexCatchUpTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_listing_written_without_the_index_is_found_after_the_catch_up()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var id = Guid.CreateVersion7();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What the CLI does while the host holds the index: commit to the database only.
            var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
            var listing = new ListingRecord
            {
                Id = id, Type = ListingType.AlgorithmProduct, OwnerOrganisationId = owner.OrganisationId, Status = ListingStatus.Published,
                Content = new ListingContent { TitleZh = "命令行导入的红树林监测算法", TitleEn = "Mangrove monitoring" }, Source = "test", SourceId = id.ToString(),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            ListingCommands.AddVersion(listing, "test import", DateTimeOffset.UtcNow);
            db.Listings.Add(listing);
            await db.SaveChangesAsync(Token);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
            Assert.Contains(id, changed);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(Token));
        }

        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=红树林监测"));
    }

    [Fact]
    public async Task A_rebuild_leaves_the_index_in_one_segment_with_every_listing()
    {
        // Two listings written and indexed one after the other: several commits, so several segments.
        var first = await app.PublishedListingAsync(CatalogClient.Algorithm("重建前的第一个滩涂巡检算法", "Mudflat patrol one"));
        var second = await app.PublishedListingAsync(CatalogClient.Algorithm("重建前的第二个滩涂巡检算法", "Mudflat patrol two"));
        var index = app.Services.GetRequiredService<CatalogIndex>();
        Assert.True(index.Search(searcher => searcher.IndexReader.Leaves.Count) > 1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(progress: null, Token);
        }

        Assert.Equal(1, index.Search(searcher => searcher.IndexReader.Leaves.Count));
        var found = await app.Anonymous().HitIdsAsync("q=滩涂巡检");
        Assert.Contains(first, found);
        Assert.Contains(second, found);
    }
}
