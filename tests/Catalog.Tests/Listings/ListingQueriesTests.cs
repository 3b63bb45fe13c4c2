using System.Net;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Listings;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Listings;

/// <summary>Issue 11: the reads the listing pages make through <see cref="ListingQueries"/>, by who asks.</summary>
public sealed class ListingQueriesTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_owners_organisation_finds_a_listing_to_edit_though_anyone_learns_its_type()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var colleague = await app.CreateUserAsync(Roles.Enterprise, owner.OrganisationId);
        var stranger = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("跌倒检测算法", "Fall detection algorithm"));

        Assert.Equal("跌倒检测算法", (await FindOwnAsync(colleague, id))?.Content.TitleZh);
        Assert.Null(await FindOwnAsync(stranger, id));
        Assert.Null(await FindOwnAsync(office, id));
        await using var scope = await app.ScopeAsAsync(stranger);
        Assert.Equal(ListingType.AlgorithmProduct, await scope.ServiceProvider.GetRequiredService<ListingQueries>().TypeOfAsync(id, Token));
    }

    [Fact]
    public async Task The_review_queue_lists_submitted_listings_oldest_first_with_their_owners_names()
    {
        var first = await app.CreateUserAsync(Roles.Enterprise);
        var second = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var late = await second.Client.CreateAsync(CatalogClient.Algorithm("后提交的算法", "Submitted later"));
        var early = await first.Client.CreateAsync(CatalogClient.Algorithm("先提交的算法", "Submitted first"));
        var draft = await first.Client.CreateAsync(CatalogClient.Algorithm("未提交的草稿", "Still a draft"));
        Assert.Equal(HttpStatusCode.OK, (await first.Client.ActAsync(early, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.ActAsync(late, "submit")).StatusCode);

        await using var scope = await app.ScopeAsAsync(office);
        var queue = (await scope.ServiceProvider.GetRequiredService<ListingQueries>().ReviewQueueAsync(Token))
            .Where(q => q.Id == early || q.Id == late || q.Id == draft).ToList();

        Assert.Equal([early, late], queue.Select(q => q.Id));
        Assert.Equal(["先提交的算法", "后提交的算法"], queue.Select(q => q.Title.Zh));
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        Assert.Equal((await directory.FindAsync(first.OrganisationId, Token))!.NameZh, queue[0].OwnerName);
        Assert.Equal((await directory.FindAsync(second.OrganisationId, Token))!.NameZh, queue[1].OwnerName);

        // The office's review page shows the same queue.
        var page = WebUtility.HtmlDecode(await office.Client.GetStringAsync("/catalog/review", Token));
        Assert.InRange(page.IndexOf("先提交的算法", StringComparison.Ordinal), 0, page.IndexOf("后提交的算法", StringComparison.Ordinal));
        Assert.Contains(queue[0].OwnerName, page, StringComparison.Ordinal);
        Assert.DoesNotContain("未提交的草稿", page, StringComparison.Ordinal);
    }

    private async Task<Data.ListingRecord?> FindOwnAsync(ActingUser user, Guid id)
    {
        await using var scope = await app.ScopeAsAsync(user);
        return await scope.ServiceProvider.GetRequiredService<ListingQueries>().FindOwnAsync(id, Token);
    }
}
