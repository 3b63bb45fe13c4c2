using System.Globalization;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Geography;

namespace Funeng.Incentives.Bench;

/// <summary>
/// Generates enterprise profiles as the platform stores them (facts as text, qualifications with dates), from a
/// fixed seed so every run screens the same population.
/// </summary>
internal sealed class EnterpriseGenerator(int seed)
{
    // Distinct AI-filing entities per city (CAC algorithm filings, guangdong_city_filing_counts.csv), plus a floor
    // of 8 so that every one of the 21 cities has enterprises, as the province does.
    private static readonly int[] CityWeights = [975, 574, 25, 2, 20, 1, 0, 1, 3, 0, 18, 6, 0, 0, 2, 0, 2, 0, 0, 0, 1];

    private static readonly (string Size, int Weight, decimal MinRevenue, decimal MaxRevenue)[] Sizes =
    [
        ("micro", 45, 200_000m, 3_000_000m), ("small", 30, 3_000_000m, 20_000_000m),
        ("medium", 18, 20_000_000m, 400_000_000m), ("large", 7, 400_000_000m, 20_000_000_000m),
    ];

    private static readonly (string Sector, int Weight)[] Sectors =
    [
        ("manufacturing", 30), ("software", 20), ("robots", 6), ("medical", 6), ("education", 5), ("elder_care", 3), ("transport", 5),
        ("energy", 4), ("agriculture", 3), ("government", 2), ("finance", 5), ("tourism", 2), ("culture", 3), ("future_industries", 3), ("other", 3),
    ];

    private static readonly (string Type, int Weight)[] ProjectTypes =
    [
        ("major_special_project", 8), ("ai_new_industrialisation_case", 15), ("first_of_kind", 15), ("compute_use", 25), ("other", 37),
    ];

    private static readonly string[] FirstKinds = ["first_set_equipment", "first_software_version", "first_batch_materials", "first_purchase_order"];

    private readonly Random _random = new(seed);

    public FactValues[] Generate(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToArray();

    private FactValues Next()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var (size, _, minRevenue, maxRevenue) = Pick(Sizes, s => s.Weight);
        var revenue = LogUniform(minRevenue, maxRevenue);
        var projectType = Pick(ProjectTypes, p => p.Weight).Type;
        Maybe(values, "city", GuangdongCities.All[PickIndex(CityWeights.Select(w => w + 8).ToArray())].Slug);
        Maybe(values, "size", size);
        Maybe(values, "annual_revenue", Money(revenue));
        Maybe(values, "rd_spend", Money(revenue * (decimal)(0.01 + (_random.NextDouble() * 0.14))));
        Maybe(values, "sector", Pick(Sectors, s => s.Weight).Sector);
        Maybe(values, "project_type", projectType);
        Maybe(values, "eligible_investment", Money(LogUniform(500_000m, projectType == "major_special_project" ? 2_000_000_000m : 50_000_000m)));
        if (projectType == "first_of_kind" || _random.NextDouble() < 0.05)
        {
            Maybe(values, "first_kind", FirstKinds[_random.Next(FirstKinds.Length)]);
        }

        Maybe(values, "deployed_in_scenario", Flag(projectType == "first_of_kind" ? 0.7 : 0.3));
        Maybe(values, "joint_research", Flag(projectType == "major_special_project" ? 0.8 : 0.2));
        Maybe(values, "in_key_cluster", Flag(0.35));
        Maybe(values, "compute_need", Flag(projectType == "compute_use" ? 0.95 : 0.25));
        // Registered enterprises always have the listing answered: office staff keep the untrustworthy-entity list.
        values[FactCatalog.UntrustworthyKey] = Flag(0.015);

        var qualifications = new List<Qualification>();
        if (_random.NextDouble() < 0.97)
        {
            values["qualifications"] = "answered";
            var large = size is "large" or "medium";
            Title(qualifications, "high_tech_enterprise", 0.3, validYears: 3);
            Title(qualifications, "specialised_sme", large ? 0.05 : 0.12, validYears: 3);
            Title(qualifications, "little_giant", large ? 0.06 : 0.02, validYears: 3);
            Title(qualifications, "national_single_champion", size == "large" ? 0.25 : size == "medium" ? 0.04 : 0.002, validYears: 3);
            Title(qualifications, "alliance_member", 0.06, validYears: null);
        }

        return new FactValues(values, qualifications);
    }

    /// <summary>Four in a hundred facts are missing: the enterprise has not filled them in.</summary>
    private void Maybe(Dictionary<string, string> values, string key, string value)
    {
        if (_random.NextDouble() >= 0.04)
        {
            values[key] = value;
        }
    }

    /// <summary>A title awarded on a day between 2018 and 2026; titles with a term lapse after it, so some are no longer held.</summary>
    private void Title(List<Qualification> titles, string code, double probability, int? validYears)
    {
        if (_random.NextDouble() < probability)
        {
            var from = new DateOnly(2018, 1, 1).AddDays(_random.Next(365 * 9));
            titles.Add(new Qualification(code, from, validYears is { } years ? from.AddYears(years).AddDays(-1) : null));
        }
    }

    private string Flag(double probability) => _random.NextDouble() < probability ? "true" : "false";

    private decimal LogUniform(decimal min, decimal max)
    {
        var (lo, hi) = (Math.Log((double)min), Math.Log((double)max));
        return Math.Round((decimal)Math.Exp(lo + (_random.NextDouble() * (hi - lo))), 0);
    }

    private static string Money(decimal yuan) => yuan.ToString("0", CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items, Func<T, int> weight) => items[PickIndex(items.Select(weight).ToArray())];

    private int PickIndex(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
