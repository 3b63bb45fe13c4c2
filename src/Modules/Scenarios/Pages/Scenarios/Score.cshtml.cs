using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Challenges;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>The expert's blind scoring page: the same view as the review API, so no team is ever on it.</summary>
[Authorize(Roles = Roles.Expert)]
internal sealed class ScoreModel(ReviewEntries review) : ScenariosPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReviewView? Review { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Review = await review.ViewAsync(Id, cancellationToken);
        }
        catch (DomainRuleException e)
        {
            Error = e.InReadersLanguage(HttpContext);
        }
    }

    public Task<IActionResult> OnPostScoreAsync(Guid entryId, Dictionary<Guid, decimal> scores, string? comment, CancellationToken cancellationToken) =>
        TryAsync(
            () => review.ScoreAsync(Id, entryId, new ScoreRequest(scores.Select(s => new CriterionScoreRequest(s.Key, s.Value)).ToList(), comment), cancellationToken),
            "scenarios.review.saved",
            () => RedirectToPage());
}
