using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>The owner's form to create a listing of a chosen type, or to edit one (which starts a new draft).</summary>
[Authorize]
internal sealed class EditModel(ListingQueries listings, ListingCommands commands) : PageModel
{
    public ListingType? Type { get; private set; }

    public Guid? Id { get; private set; }

    public ListingContent Listing { get; private set; } = new();

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, string? type, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Type = ListingTypeKeys.Parse(type);
            return Page();
        }

        if (await listings.FindOwnAsync(id.Value, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        (Id, Type, Listing) = (listing.Id, listing.Type, listing.Content);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? type, CancellationToken cancellationToken)
    {
        var form = Request.Form;
        var attributes = form.Keys.Where(k => k.StartsWith("attr.", StringComparison.Ordinal)).ToDictionary(k => k[5..], k => form[k].ToString());
        var input = new ListingInput(type, form["titleZh"], form["titleEn"], form["summaryZh"], form["summaryEn"], form["citySlug"],
            form["sectors"].Where(s => s is not null).Select(s => s!).ToList(), ListingContent.Values(form["keywords"].ToString()), attributes);
        Listing = input.ToContent();
        Id = id;
        try
        {
            if (id is { } existing)
            {
                var listing = await commands.UpdateAsync(existing, Listing, cancellationToken);
                if (listing is null)
                {
                    return NotFound();
                }

                this.Tell(ProblemMessage.Of("catalog.done.listing-saved", LocalizedText.Of(Listing.TitleZh, Listing.TitleEn)));
                return Redirect($"/catalog/listings/{existing}");
            }

            Type = ListingTypeKeys.Parse(type);
            if (Type is null)
            {
                return Page();
            }

            var created = await commands.CreateAsync(Type.Value, Listing, cancellationToken);
            this.Tell(ProblemMessage.Of("catalog.done.listing-created", LocalizedText.Of(Listing.TitleZh, Listing.TitleEn)));
            return Redirect($"/catalog/listings/{created.Id}");
        }
        catch (InvalidInputException e)
        {
            Errors = e.InReadersLanguage(HttpContext);
        }
        catch (DomainRuleException e)
        {
            Errors = new() { [e.Field ?? "status"] = [e.InReadersLanguage(HttpContext)] };
        }

        Type ??= id is { } listingId ? await listings.TypeOfAsync(listingId, cancellationToken) : null;
        return Page();
    }
}
