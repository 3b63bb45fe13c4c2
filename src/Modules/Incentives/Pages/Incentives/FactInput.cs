using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>One fact's input as <c>Shared/_FactInput.cshtml</c> draws it.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Current">Its value as typed or kept, if any.</param>
/// <param name="Held">The qualification held, for the qualifications fact.</param>
/// <param name="OfferNone">Whether "none" can be ticked for the qualifications fact.</param>
/// <param name="NoneTicked">Whether "none" was ticked.</param>
internal sealed record FactInput(FactDefinition Fact, string? Current, Qualification? Held, bool OfferNone = false, bool NoneTicked = false)
{
    /// <summary>The input for <paramref name="fact"/> showing what <paramref name="facts"/> hold.</summary>
    public static FactInput For(FactDefinition fact, FactValues facts, bool offerNone) => new(
        fact, facts.Values.GetValueOrDefault(fact.Key), facts.Qualifications.Count > 0 ? facts.Qualifications[0] : null, offerNone,
        facts.Qualifications.Count == 0 && facts.Values.ContainsKey("qualifications"));
}
