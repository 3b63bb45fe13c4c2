using Funeng.Kernel.Security;
using Funeng.Scenarios.Challenges;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>Every challenge; experts join the reviewer roster here.</summary>
internal sealed class ChallengesModel(GetChallenges challenges, ExpertRoster roster, IActor actor) : ScenariosPage
{
    public IReadOnlyList<ChallengeView> Challenges { get; private set; } = [];

    public bool IsExpert => actor.IsInRole(Roles.Expert);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Challenges = await challenges.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostJoinAsync(string? fields, CancellationToken cancellationToken) =>
        TryAsync(() => roster.JoinRosterAsync(fields, cancellationToken), "scenarios.roster.joined", () => RedirectToPage());
}
