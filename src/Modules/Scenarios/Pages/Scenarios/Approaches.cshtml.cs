using Funeng.Kernel.Security;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Matchmaking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>A supplier's page: the interest its organisation sent and the invitations it received, with their answers.</summary>
[Authorize]
internal sealed class ApproachesModel(ApproachCommands approaches, IActor actor) : ScenariosPage
{
    public IReadOnlyList<ApproachView> Items { get; private set; } = [];

    public bool CanAnswer(ApproachView approach) => approach.Status == ApproachStatus.Open && approach.Kind == ApproachKind.Invitation && actor.BelongsTo(approach.SupplierOrganisationId);

    public bool CanWithdraw(ApproachView approach) => approach.Status == ApproachStatus.Open && approach.Kind == ApproachKind.Interest && actor.BelongsTo(approach.SupplierOrganisationId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is null)
        {
            return Forbid();
        }

        Items = await approaches.MineAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid approachId, ApproachDecision decision, CancellationToken cancellationToken) =>
        TryAsync(() => approaches.DecideAsync(approachId, decision, cancellationToken), "scenarios.approaches.answered", () => RedirectToPage());
}
