using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Editions;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>
/// One edition: its entries as included (frozen versions, later withdrawals shown). While it is a draft, office
/// staff compile it here: edit, find published listings and add them, remove entries, publish with a date, delete.
/// </summary>
internal sealed class RecommendationModel(EditionQueries queries, EditionCommands commands, ICatalogSearch search, IActor actor) : PageModel, IShowsProblems
{
    public EditionView Edition { get; private set; } = null!;

    public bool Compiling => !Edition.Published && actor.IsInRole(Roles.OfficeStaff);

    public CatalogSearchResult? Candidates { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        if (Compiling)
        {
            var listings = new CatalogFilters { Types = Enum.GetValues<ListingType>().Select(t => t.Key()).ToArray() };
            Candidates = await search.SearchAsync(new CatalogSearchRequest(q, listings, CatalogViewer.Public, PageSize: 10) { CollapseByOwner = false }, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(Guid id, string? titleZh, string? titleEn, int? year, string? descriptionZh, string? descriptionEn, CancellationToken cancellationToken) =>
        ActAsync(id, "catalog.done.edition-saved", () => commands.UpdateAsync(id, new EditionInput(titleZh, titleEn, year, descriptionZh, descriptionEn), cancellationToken));

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid listingId, CancellationToken cancellationToken) =>
        ActAsync(id, "catalog.done.edition-added", () => commands.AddAsync(id, listingId, cancellationToken));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid listingId, CancellationToken cancellationToken) =>
        ActAsync(id, "catalog.done.edition-removed", () => commands.RemoveAsync(id, listingId, cancellationToken));

    public Task<IActionResult> OnPostPublishAsync(Guid id, DateOnly? publishedOn, CancellationToken cancellationToken) =>
        ActAsync(id, "catalog.done.edition-published", () => commands.PublishAsync(id, publishedOn, cancellationToken));

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await ActAsync(id, "catalog.done.edition-deleted", () => commands.DeleteAsync(id, cancellationToken));
        return result is RedirectResult ? Redirect("/catalog/recommendations") : result;
    }

    /// <summary>A refused action shows the edition again with the problems by field (<see cref="ProblemsPageFilter"/>).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id))
        {
            await OnGetAsync(id, null, cancellationToken);
        }
    }

    /// <summary>Runs an office action; a refusal is thrown and shown on the page by field (<see cref="IShowsProblems"/>).</summary>
    private async Task<IActionResult> ActAsync(Guid id, string doneKey, Func<Task<EditionRecord?>> action)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            return Forbid();
        }

        if (await action() is not { } edition)
        {
            return NotFound();
        }

        this.Tell(ProblemMessage.Of(doneKey, LocalizedText.Of(edition.TitleZh, edition.TitleEn)));
        return Redirect($"/catalog/recommendations/{id}");
    }
}
