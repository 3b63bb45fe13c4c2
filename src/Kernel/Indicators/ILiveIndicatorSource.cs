namespace Funeng.Kernel.Indicators;

/// <summary>
/// A figure a module computes from its own data for the Index module: published scenarios per sector and city,
/// listed datasets, awards made, installed EFLOPS... Each module registers its sources
/// (<c>services.AddScoped&lt;ILiveIndicatorSource, X&gt;()</c>); Index reads them all, so no module depends on Index
/// and Index depends on no module.
/// </summary>
public interface ILiveIndicatorSource
{
    /// <summary>The current values; one per indicator, scope and period.</summary>
    Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>One live value.</summary>
/// <param name="Indicator">Indicator key, the same snake_case key the policy pack's targets use where one exists (e.g. <c>industry_datasets</c>).</param>
/// <param name="Scope"><c>province</c> or <c>city:&lt;slug&gt;</c>.</param>
/// <param name="Year">The period the value belongs to.</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="Source">Where it comes from, for the trace: a strings.json key of the module (e.g. <c>catalog.source.datasets</c>).</param>
/// <param name="Breakdown">An optional sub-key, e.g. the sector of scenario counts.</param>
/// <param name="BreakdownName">The sub-key's name in both languages, for charts and tables.</param>
public sealed record LiveObservation(string Indicator, string Scope, int Year, decimal Value, string Source, string? Breakdown = null, Localization.LocalizedText? BreakdownName = null);
