using Funeng.Scenarios.Lists;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>A scenario list with each quota's progress; its reviewers publish it here.</summary>
internal sealed class ListModel(GetScenarioLists lists, CompileScenarioList compile, ScenarioAccess access) : ScenariosPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ScenarioListView List { get; private set; } = null!;

    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await lists.FindAsync(Id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        List = found;
        CanPublish = await access.CanReviewScopeAsync(found.Scope, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        TryAsync(() => compile.PublishAsync(Id, cancellationToken), "scenarios.lists.published", () => RedirectToPage());
}
