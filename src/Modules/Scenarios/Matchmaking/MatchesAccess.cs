using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>
/// Who is shown the suppliers ranked for a scenario: its owner and its reviewers, once it is published. The
/// ranking is the owner's working list (whom to invite) and costs a full matchmaking run, so it is neither a
/// competitor's view of a need nor something an anonymous client may ask for without limit; the page and
/// <c>GET /api/v1/scenarios/{id}/matches</c> both ask this rule.
/// </summary>
internal static class MatchesAccess
{
    /// <summary>Why the user may not see the scenario's matches, or null when they may.</summary>
    public static DomainRuleException? Refusal(bool signedIn, IReadOnlyCollection<ScenarioActor> actors, ScenarioStatus status) =>
        !signedIn ? new DomainRuleException(ProblemMessage.Of("scenarios.refusal.matches-sign-in"), null, 401)
        : actors.Count == 0 ? new DomainRuleException(ProblemMessage.Of("scenarios.refusal.matches-owner-or-reviewer"), null, 403)
        : status != ScenarioStatus.Published ? new DomainRuleException(ProblemMessage.Of("scenarios.refusal.matches-published-only"), "status")
        : null;
}
