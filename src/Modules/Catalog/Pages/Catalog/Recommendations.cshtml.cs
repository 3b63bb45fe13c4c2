using Funeng.Catalog.Editions;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>
/// The recommendation catalog's editions (published for everyone, drafts too for the office), and the office's form to
/// start one; a refused form shows its problems by field (<see cref="IShowsProblems"/>).
/// </summary>
internal sealed class RecommendationsModel(EditionQueries queries, EditionCommands commands, IActor actor) : PageModel, IShowsProblems
{
    public IReadOnlyList<EditionSummary> Editions { get; private set; } = [];

    public bool IsOffice => actor.IsInRole(Roles.OfficeStaff);

    public EditionInput Input { get; private set; } = new("", "", DateTime.UtcNow.Year, "", "");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await queries.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? titleZh, string? titleEn, int? year, string? descriptionZh, string? descriptionEn, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        Input = new EditionInput(titleZh, titleEn, year, descriptionZh, descriptionEn);
        var edition = await commands.CreateAsync(Input, cancellationToken);
        this.Tell(ProblemMessage.Of("catalog.done.edition-created", LocalizedText.Of(edition.TitleZh, edition.TitleEn)));
        return Redirect($"/catalog/recommendations/{edition.Id}");
    }

    /// <summary>A refused edition shows the list again with the form as posted and its problems by field.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);
}
