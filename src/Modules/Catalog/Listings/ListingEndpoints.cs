using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Listings;

/// <summary>A listing as the API returns it: what the caller may see, plus workflow state for owners and office.</summary>
internal sealed record ListingView(ListingDetail Listing, ListingStatus WorkflowStatus, string? ReturnReason, IReadOnlyList<VersionView> Versions);

/// <summary>One published version; who published it (a member of staff, by name) only for the office and the owner.</summary>
internal sealed record VersionView(int Number, DateTimeOffset PublishedAt, string? PublishedBy);

/// <summary>The reason a reviewer gives when returning a listing.</summary>
internal sealed record ReturnRequest(string? Reason);

/// <summary><c>/api/v1/catalog/listings</c>: read, create, edit and move listings through their workflow.</summary>
internal static class ListingEndpoints
{
    public static async Task<Results<Ok<ListingView>, NotFound>> GetAsync(Guid id, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(id, db, queries, CatalogViewer.From(actor), cancellationToken);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
    }

    public static async Task<Created<ListingView>> CreateAsync(
        ListingInput input, ListingCommands commands, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken)
    {
        if (ListingTypeKeys.Parse(input.Type) is not { } type)
        {
            throw InvalidInputException.For("type", "catalog.problem.listing-type", string.Join(", ", Enum.GetValues<ListingType>().Select(t => t.Key())));
        }

        var listing = await commands.CreateAsync(type, input.ToContent(), cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/listings/{listing.Id}", await ViewAsync(listing.Id, db, queries, CatalogViewer.From(actor), cancellationToken));
    }

    public static Task<Results<Ok<ListingView>, NotFound>> UpdateAsync(Guid id, ListingInput input, ListingCommands commands, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken) =>
        AfterAsync(commands.UpdateAsync(id, input.ToContent(), cancellationToken), db, queries, actor, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> SubmitAsync(Guid id, ListingCommands commands, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken) =>
        AfterAsync(commands.SubmitAsync(id, cancellationToken), db, queries, actor, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> PublishAsync(Guid id, ListingCommands commands, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken) =>
        AfterAsync(commands.PublishAsync(id, cancellationToken), db, queries, actor, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> ReturnAsync(Guid id, ReturnRequest request, ListingCommands commands, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken) =>
        AfterAsync(commands.ReturnAsync(id, request.Reason, cancellationToken), db, queries, actor, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> WithdrawAsync(Guid id, ListingCommands commands, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken) =>
        AfterAsync(commands.WithdrawAsync(id, cancellationToken), db, queries, actor, cancellationToken);

    /// <summary>Submitted listings waiting for review, oldest first (office staff).</summary>
    public static async Task<Ok<List<ListingSummary>>> ReviewQueueAsync(CatalogDb db, CancellationToken cancellationToken)
    {
        var submitted = await db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Submitted).ToListAsync(cancellationToken);
        return TypedResults.Ok(submitted.OrderBy(l => l.UpdatedAt).Select(l => CatalogQueries.Detail(l, l.Content).Summary).ToList());
    }

    /// <summary>The view of a listing for <paramref name="viewer"/>, or null when they may not see it.</summary>
    internal static async Task<ListingView?> ViewAsync(Guid id, CatalogDb db, CatalogQueries queries, CatalogViewer viewer, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        var content = listing is null ? null : await queries.VisibleContentAsync(listing, viewer, cancellationToken);
        if (listing is null || content is null)
        {
            return null;
        }

        var insider = viewer.IsOffice || viewer.OrganisationId == listing.OwnerOrganisationId;
        var versions = await db.ListingVersions.AsNoTracking().Where(v => v.ListingId == id).OrderBy(v => v.Number)
            .Select(v => new VersionView(v.Number, v.PublishedAt, insider ? v.PublishedBy : null)).ToListAsync(cancellationToken);
        return new ListingView(
            CatalogQueries.Detail(listing, content),
            insider ? listing.Status : ListingStatus.Published,
            insider ? listing.ReturnReason : null,
            versions);
    }

    private static async Task<Results<Ok<ListingView>, NotFound>> AfterAsync(Task<ListingRecord?> change, CatalogDb db, CatalogQueries queries, IActor actor, CancellationToken cancellationToken)
    {
        var listing = await change;
        return listing is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await ViewAsync(listing.Id, db, queries, CatalogViewer.From(actor), cancellationToken))!);
    }
}
