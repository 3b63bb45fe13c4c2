using Funeng.Kernel.Localization;

namespace Funeng.Index.Indicators;

/// <summary>
/// What an indicator measures and how to read it. <paramref name="Pillar"/> places it in the empowerment index
/// (null: tracked against targets only); <paramref name="SumsOverCities"/> says the province figure is the sum of
/// the cities' when the province has none of its own; <paramref name="LiveFrom"/> names the module whose live
/// source counts it from the platform's own records. <paramref name="PerPeriod"/> says each year's value counts only
/// what happened in that year (scenarios published in it), so a cumulative target adds the years up; otherwise a
/// value is a level as at the year (listings in the catalog now). <paramref name="LiveIsRegistry"/> says the live
/// count covers only what is registered on the platform (compute centres): it is shown beside a reported figure
/// with the difference and never takes its place.
/// </summary>
internal sealed record Indicator(
    string Key,
    LocalizedText Name,
    LocalizedText Definition,
    string Unit,
    Polarity Polarity,
    LocalizedText Source,
    Frequency Frequency,
    IndicatorScope Scope,
    string? Pillar,
    bool SumsOverCities,
    string? LiveFrom = null,
    bool PerPeriod = false,
    bool LiveIsRegistry = false)
{
    public bool HigherIsBetter => Polarity == Polarity.HigherIsBetter;
}

internal enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

internal enum Frequency
{
    Annual,
    Continuous,
}

/// <summary>Where values are reported: for the province only, for cities only, or both.</summary>
internal enum IndicatorScope
{
    Province,
    City,
    ProvinceAndCity,
}

/// <summary>The five pillars of the empowerment index (docs/decisions/0005-empowerment-index.md).</summary>
internal static class Pillars
{
    public const string PlatformSupport = "platform_support";
    public const string ModelCultivation = "model_cultivation";
    public const string ScenarioDevelopment = "scenario_development";
    public const string PolicySystem = "policy_system";
    public const string MarketEntities = "market_entities";

    public static IReadOnlyList<string> All { get; } =
        [PlatformSupport, ModelCultivation, ScenarioDevelopment, PolicySystem, MarketEntities];
}
