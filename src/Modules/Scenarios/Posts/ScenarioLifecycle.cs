using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;

namespace Funeng.Scenarios.Posts;

/// <summary>What can be done to a scenario.</summary>
internal enum ScenarioAction
{
    Submit,
    Publish,
    Return,
    Match,
    StartDelivery,
    Deliver,
    Close,
}

/// <summary>Who acts: the owning organisation, or office/city staff reviewing it.</summary>
internal enum ScenarioActor
{
    Owner,
    Reviewer,
}

/// <summary>One allowed move of the lifecycle.</summary>
internal sealed record ScenarioTransition(ScenarioStatus From, ScenarioAction Action, ScenarioStatus To, ScenarioActor Actor);

/// <summary>The outcome of asking for a move: the new status, or why not (told in the reader's language).</summary>
internal sealed record TransitionDecision(ScenarioStatus? To, ProblemMessage? Refusal, int Status)
{
    public bool Allowed => To is not null;
}

/// <summary>
/// The scenario lifecycle as a table: draft → submitted → published (or returned with reasons) → matched →
/// in delivery → delivered, or closed from any open state. Anything not in the table is refused.
/// </summary>
internal static class ScenarioLifecycle
{
    private static readonly ScenarioStatus[] OpenStates =
        [ScenarioStatus.Draft, ScenarioStatus.Submitted, ScenarioStatus.Returned, ScenarioStatus.Published, ScenarioStatus.Matched, ScenarioStatus.InDelivery];

    public static IReadOnlyList<ScenarioTransition> Table { get; } =
    [
        new(ScenarioStatus.Draft, ScenarioAction.Submit, ScenarioStatus.Submitted, ScenarioActor.Owner),
        new(ScenarioStatus.Returned, ScenarioAction.Submit, ScenarioStatus.Submitted, ScenarioActor.Owner),
        new(ScenarioStatus.Submitted, ScenarioAction.Publish, ScenarioStatus.Published, ScenarioActor.Reviewer),
        new(ScenarioStatus.Submitted, ScenarioAction.Return, ScenarioStatus.Returned, ScenarioActor.Reviewer),
        new(ScenarioStatus.Published, ScenarioAction.Match, ScenarioStatus.Matched, ScenarioActor.Owner),
        new(ScenarioStatus.Published, ScenarioAction.Match, ScenarioStatus.Matched, ScenarioActor.Reviewer),
        new(ScenarioStatus.Matched, ScenarioAction.StartDelivery, ScenarioStatus.InDelivery, ScenarioActor.Owner),
        new(ScenarioStatus.InDelivery, ScenarioAction.Deliver, ScenarioStatus.Delivered, ScenarioActor.Owner),
        .. OpenStates.Select(s => new ScenarioTransition(s, ScenarioAction.Close, ScenarioStatus.Closed, ScenarioActor.Owner)),
        new(ScenarioStatus.Published, ScenarioAction.Close, ScenarioStatus.Closed, ScenarioActor.Reviewer),
        new(ScenarioStatus.Matched, ScenarioAction.Close, ScenarioStatus.Closed, ScenarioActor.Reviewer),
    ];

    /// <summary>Decides a move for someone acting in <paramref name="actors"/> (one user may be both owner and reviewer).</summary>
    public static TransitionDecision Decide(ScenarioStatus from, ScenarioAction action, IReadOnlyCollection<ScenarioActor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var moves = Table.Where(t => t.From == from && t.Action == action).ToList();
        if (moves.Count == 0)
        {
            List<object?> allowed = [.. Table.Where(t => t.From == from).Select(t => t.Action).Distinct().Select(Label)];
            return new(null, allowed.Count > 0
                ? ProblemMessage.Of("scenarios.refusal.lifecycle-move", Label(from), Label(action), allowed)
                : ProblemMessage.Of("scenarios.refusal.lifecycle-final", Label(from), Label(action)), 409);
        }

        var move = moves.FirstOrDefault(t => actors.Contains(t.Actor));
        List<object?> who = [.. moves.Select(m => m.Actor).Distinct().Select(a => ProblemMessage.Of("scenarios.lifecycle.actor." + a.ToString().ToLowerInvariant()))];
        return move is null
            ? new(null, ProblemMessage.Of("scenarios.refusal.lifecycle-who", who, Label(action)), 403)
            : new(move.To, null, 200);
    }

    /// <summary>The actions <paramref name="actors"/> may take now, for the pages' buttons.</summary>
    public static IReadOnlyList<ScenarioAction> Available(ScenarioStatus from, IReadOnlyCollection<ScenarioActor> actors) =>
        Table.Where(t => t.From == from && actors.Contains(t.Actor)).Select(t => t.Action).Distinct().ToList();

    public static bool IsPublic(ScenarioStatus status) =>
        status is ScenarioStatus.Published or ScenarioStatus.Matched or ScenarioStatus.InDelivery or ScenarioStatus.Delivered;

    public static string Word(ScenarioStatus status) => status switch
    {
        ScenarioStatus.InDelivery => "in_delivery",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Word(ScenarioAction action) => action switch
    {
        ScenarioAction.StartDelivery => "start_delivery",
        _ => action.ToString().ToLowerInvariant(),
    };

    /// <summary>A status as the pages name it (<c>scenarios.status.*</c>).</summary>
    public static ProblemMessage Label(ScenarioStatus status) => ProblemMessage.Of("scenarios.status." + Word(status));

    /// <summary>An action as the pages' buttons name it (<c>scenarios.action.*</c>).</summary>
    public static ProblemMessage Label(ScenarioAction action) => ProblemMessage.Of("scenarios.action." + Word(action));
}
