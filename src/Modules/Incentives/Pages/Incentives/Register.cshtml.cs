using Funeng.Incentives.Awards;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>The public awards register: every award with its notice stage, filtered by program, city and year; objections while in notice.</summary>
internal sealed class RegisterModel(AwardRegister register, AwardObjections objections, ProgramCatalog catalog, IActor actor) : PageModel, IShowsProblems
{
    [BindProperty(SupportsGet = true)]
    public string? Program { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Award { get; set; }

    public IReadOnlyList<AwardRegisterEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Cities { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public ProgramCatalog Catalog => catalog;

    public bool SignedIn => actor.UserId is not null;

    public bool Office => actor.IsInRole(Roles.OfficeStaff);

    public string CsvLink => "/api/v1/incentives/register.csv" + Request.QueryString;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostObjectAsync(Guid awardId, string? text, CancellationToken cancellationToken)
    {
        await objections.ObjectAsync(awardId, text, cancellationToken);
        this.Tell(ProblemMessage.Of("incentives.done.objected", await RecipientAsync(awardId, cancellationToken)));
        return RedirectToPage(new { award = awardId });
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid awardId, Guid objectionId, bool upheld, string? resolution, CancellationToken cancellationToken)
    {
        await objections.ResolveAsync(awardId, objectionId, new ResolveAwardObjectionRequest(upheld, resolution), cancellationToken);
        this.Tell(ProblemMessage.Of(upheld ? "incentives.done.objection-upheld" : "incentives.done.objection-dismissed", await RecipientAsync(awardId, cancellationToken)));
        return RedirectToPage(new { award = awardId });
    }

    private async Task<string> RecipientAsync(Guid awardId, CancellationToken cancellationToken) =>
        await register.ListAsync(new RegisterFilter(null, null, null, awardId), cancellationToken) is [var entry, ..] ? entry.RecipientName : awardId.ToString();

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Entries = await register.ListAsync(new RegisterFilter(Program, City, Year, Award), cancellationToken);
        (Cities, Years) = await register.FacetsAsync(cancellationToken);
    }
}
