using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>
/// A listing's page: what the viewer may see, with the workflow buttons their role allows. A refused action is
/// shown by <see cref="ProblemsPageFilter"/> above the page, which it reloads through <see cref="ReloadAsync"/>.
/// </summary>
internal sealed class ListingModel(ListingQueries listings, CatalogQueries queries, ListingCommands commands, IActor actor) : PageModel, IShowsProblems
{
    private Guid _id;

    public ListingView View { get; private set; } = null!;

    public OrganisationProfile? Owner { get; private set; }

    public bool IsOwner => actor.BelongsTo(View.Listing.Summary.OwnerOrganisationId);

    public bool IsReviewer => actor.IsInRole(Roles.OfficeStaff) && !IsOwner;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [Authorize]
    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => ActAsync(id, "catalog.done.submitted", () => commands.SubmitAsync(id, cancellationToken));

    [Authorize]
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) => ActAsync(id, "catalog.done.withdrawn", () => commands.WithdrawAsync(id, cancellationToken));

    [Authorize]
    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) => ActAsync(id, "catalog.done.published", () => commands.PublishAsync(id, cancellationToken));

    [Authorize]
    public Task<IActionResult> OnPostReturnAsync(Guid id, string? reason, CancellationToken cancellationToken) => ActAsync(id, "catalog.done.returned", () => commands.ReturnAsync(id, reason, cancellationToken));

    public async Task ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(_id, cancellationToken);

    // A success is told on the page the browser lands on (PageNotice); a refusal never gets here.
    private async Task<IActionResult> ActAsync(Guid id, string doneKey, Func<Task<ListingRecord?>> action)
    {
        _id = id;
        if (await action() is not { } listing)
        {
            return NotFound();
        }

        this.Tell(ProblemMessage.Of(doneKey, LocalizedText.Of(listing.Content.TitleZh, listing.Content.TitleEn)));
        return Redirect($"/catalog/listings/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await listings.ViewAsync(id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Owner = await queries.FindOrganisationAsync(view.Listing.Summary.OwnerOrganisationId, cancellationToken);
        return true;
    }
}
