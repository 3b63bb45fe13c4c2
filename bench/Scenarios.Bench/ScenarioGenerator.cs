using Funeng.Kernel.Geography;
using Funeng.Kernel.Taxonomy;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// Scenarios in owners' words: a labelled scenario's title, problem and outcome, joined by a real filing's stated
/// purpose (what an owner often copies from a product it saw), in a random city, mostly published.
/// </summary>
internal sealed class ScenarioGenerator(IReadOnlyList<LabelledScenario> templates, IReadOnlyList<string> purposes)
{
    private readonly Random _random = new(20261124);

    public IEnumerable<ScenarioPost> Generate(int count)
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var template = templates[_random.Next(templates.Count)].Query;
            var published = start.AddMinutes(i * 7);
            var status = _random.NextDouble() < 0.6 ? ScenarioStatus.Published : (ScenarioStatus)_random.Next(8);
            yield return new ScenarioPost
            {
                Id = Guid.NewGuid(), OwnerOrganisationId = Guid.NewGuid(), CreatedByUserId = "bench",
                Title = $"{template.Title}（{i}）", Problem = template.Problem,
                ExpectedOutcome = $"{template.ExpectedOutcome}{purposes[_random.Next(purposes.Count)]}",
                Sector = template.Sector, CitySlug = GuangdongCities.All[_random.Next(GuangdongCities.All.Count)].Slug,
                Status = status, CreatedAt = published, UpdatedAt = published,
                PublishedAt = status >= ScenarioStatus.Published ? published : null,
            };
        }
    }

    /// <summary>An enterprise profile to look for fitting scenarios: one or two catalog sectors and a city.</summary>
    public (IReadOnlyList<string> Sectors, string City) Profile()
    {
        var sectors = Sectors.All.Select(s => s.Key).OrderBy(_ => _random.Next()).Take(1 + _random.Next(2)).ToList();
        return (sectors, GuangdongCities.All[_random.Next(GuangdongCities.All.Count)].Slug);
    }

    public static MatchQuery Query(ScenarioPost post) => new(post.Title, post.Problem, post.ExpectedOutcome, post.Sector, post.CitySlug);
}
