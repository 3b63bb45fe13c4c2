using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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
    public static async Task<Results<Ok<ListingView>, NotFound>> GetAsync(Guid id, ListingQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.ViewAsync(id, cancellationToken);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
    }

    public static async Task<Created<ListingView>> CreateAsync(
        ListingInput input, ListingCommands commands, ListingQueries queries, CancellationToken cancellationToken)
    {
        if (ListingTypeKeys.Parse(input.Type) is not { } type)
        {
            throw InvalidInputException.For("type", "catalog.problem.listing-type", string.Join(", ", Enum.GetValues<ListingType>().Select(t => t.Key())));
        }

        var listing = await commands.CreateAsync(type, input.ToContent(), cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/listings/{listing.Id}", await queries.ViewAsync(listing.Id, cancellationToken));
    }

    public static Task<Results<Ok<ListingView>, NotFound>> UpdateAsync(Guid id, ListingInput input, ListingCommands commands, ListingQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.UpdateAsync(id, input.ToContent(), cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> SubmitAsync(Guid id, ListingCommands commands, ListingQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.SubmitAsync(id, cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> PublishAsync(Guid id, ListingCommands commands, ListingQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.PublishAsync(id, cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> ReturnAsync(Guid id, ReturnRequest request, ListingCommands commands, ListingQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.ReturnAsync(id, request.Reason, cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<ListingView>, NotFound>> WithdrawAsync(Guid id, ListingCommands commands, ListingQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.WithdrawAsync(id, cancellationToken), queries, cancellationToken);

    /// <summary>Submitted listings waiting for review, oldest first (office staff).</summary>
    public static async Task<Ok<List<ListingSummary>>> ReviewQueueAsync(ListingQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok((await queries.SubmittedAsync(cancellationToken)).Select(l => CatalogQueries.Detail(l, l.Content).Summary).ToList());

    private static async Task<Results<Ok<ListingView>, NotFound>> AfterAsync(Task<ListingRecord?> change, ListingQueries queries, CancellationToken cancellationToken)
    {
        var listing = await change;
        return listing is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await queries.ViewAsync(listing.Id, cancellationToken))!);
    }
}
