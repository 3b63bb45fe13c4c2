using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>What _Approaches.cshtml shows: the approaches and which answers the user may give; forms post to the page's Answer handler.</summary>
internal sealed record ApproachTable(IReadOnlyList<ApproachView> Items, Func<ApproachView, bool> CanAnswer, Func<ApproachView, bool> CanWithdraw, bool ShowScenario);
