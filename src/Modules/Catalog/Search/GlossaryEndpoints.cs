using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Catalog.Search;

/// <summary>A page of glossary entries: how many match in all, and up to <see cref="GlossaryEndpoints.PageSize"/> of them.</summary>
internal sealed record GlossaryPage(int Total, int Page, IReadOnlyList<GlossaryItem> Entries);

/// <summary>
/// <c>/api/v1/catalog/glossary</c>: anyone reads the glossary (<c>?q=</c> narrows it); office staff add entries,
/// edit them (<c>PUT /{group}</c>), retire and restore them. The page /catalog/glossary does the same.
/// </summary>
internal static class GlossaryEndpoints
{
    public const int PageSize = 100;

    public static async Task<Ok<GlossaryPage>> ListAsync(string? q, int? page, GlossaryCommands glossary, CancellationToken cancellationToken) =>
        TypedResults.Ok(PageOf(await glossary.ListAsync(cancellationToken), q, page ?? 1));

    public static async Task<Results<Ok<GlossaryItem>, NotFound>> GetAsync(string group, GlossaryCommands glossary, CancellationToken cancellationToken) =>
        (await glossary.ListAsync(cancellationToken)).SingleOrDefault(i => i.Group == group) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    public static async Task<Created<GlossaryItem>> AddAsync(GlossaryInput input, GlossaryCommands glossary, CancellationToken cancellationToken)
    {
        var item = await glossary.AddAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/glossary/{Uri.EscapeDataString(item.Group)}", item);
    }

    public static async Task<Results<Ok<GlossaryItem>, NotFound>> UpdateAsync(string group, GlossaryInput input, GlossaryCommands glossary, CancellationToken cancellationToken) =>
        await glossary.UpdateAsync(group, input, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    public static async Task<Results<Ok<GlossaryItem>, NotFound>> RetireAsync(string group, GlossaryCommands glossary, CancellationToken cancellationToken) =>
        await glossary.RetireAsync(group, retired: true, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    public static async Task<Results<Ok<GlossaryItem>, NotFound>> RestoreAsync(string group, GlossaryCommands glossary, CancellationToken cancellationToken) =>
        await glossary.RetireAsync(group, retired: false, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    /// <summary>The entries matching <paramref name="text"/>, one page of them (shared by the API and the page).</summary>
    public static GlossaryPage PageOf(IReadOnlyList<GlossaryItem> items, string? text, int page)
    {
        if (page < 1)
        {
            throw InvalidInputException.For("page", "catalog.glossary.invalid.page");
        }

        var matching = GlossaryRules.Matching(items, text).ToList();
        return new GlossaryPage(matching.Count, page, [.. matching.Skip((page - 1) * PageSize).Take(PageSize)]);
    }
}
