using Funeng.Catalog.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Catalog.Editions;

/// <summary>The listing to add to an edition.</summary>
internal sealed record EditionEntryInput(Guid ListingId);

/// <summary>The date printed on the published edition.</summary>
internal sealed record EditionPublication(DateOnly? PublishedOn);

/// <summary>
/// <c>/api/v1/catalog/recommendation-editions</c>: anyone reads published editions; office staff also read drafts,
/// and compile, publish and delete (drafts only).
/// </summary>
internal static class EditionEndpoints
{
    public static async Task<Ok<List<EditionSummary>>> ListAsync(EditionQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    public static async Task<Results<Ok<EditionView>, NotFound>> GetAsync(Guid id, EditionQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Created<EditionView>> CreateAsync(EditionInput input, EditionCommands commands, EditionQueries queries, CancellationToken cancellationToken)
    {
        var edition = await commands.CreateAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/recommendation-editions/{edition.Id}", (await queries.GetAsync(edition.Id, cancellationToken))!);
    }

    public static Task<Results<Ok<EditionView>, NotFound>> UpdateAsync(Guid id, EditionInput input, EditionCommands commands, EditionQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.UpdateAsync(id, input, cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<EditionView>, NotFound>> AddEntryAsync(Guid id, EditionEntryInput input, EditionCommands commands, EditionQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.AddAsync(id, input.ListingId, cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<EditionView>, NotFound>> RemoveEntryAsync(Guid id, Guid listingId, EditionCommands commands, EditionQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.RemoveAsync(id, listingId, cancellationToken), queries, cancellationToken);

    public static Task<Results<Ok<EditionView>, NotFound>> PublishAsync(Guid id, EditionPublication input, EditionCommands commands, EditionQueries queries, CancellationToken cancellationToken) =>
        AfterAsync(commands.PublishAsync(id, input.PublishedOn, cancellationToken), queries, cancellationToken);

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, EditionCommands commands, CancellationToken cancellationToken) =>
        await commands.DeleteAsync(id, cancellationToken) is not null ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<EditionView>, NotFound>> AfterAsync(Task<EditionRecord?> change, EditionQueries queries, CancellationToken cancellationToken) =>
        await change is { } edition ? TypedResults.Ok((await queries.GetAsync(edition.Id, cancellationToken))!) : TypedResults.NotFound();
}
