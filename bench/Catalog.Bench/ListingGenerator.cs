using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Import;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Taxonomy;

namespace Funeng.Catalog.Bench;

/// <summary>
/// Makes realistic listings from the vocabulary of the real data sets: algorithm names, purposes, company names
/// and model names of the CAC filings and the LLM list, recombined with a fixed seed, in Chinese and English.
/// </summary>
internal sealed class ListingGenerator
{
    private static readonly string[] EnglishWords =
    [
        "recommendation", "ranking", "retrieval", "dialogue", "speech", "synthesis", "detection", "forecasting", "inspection",
        "scheduling", "translation", "vision", "robotics", "logistics", "healthcare", "elderly", "education", "finance",
        "manufacturing", "energy", "agriculture", "tourism", "customer", "service", "platform", "model", "dataset", "terminal",
    ];

    private readonly Random _random = new(20261123);
    private readonly string[] _names;
    private readonly string[] _purposes;
    private readonly string[] _companies;

    public ListingGenerator(string demoDataDirectory)
    {
        var filings = ImportFormats.Parse(Read(Path.Combine(demoDataDirectory, "cac-algorithm-filings", "filings_guangdong.csv")));
        var models = ImportFormats.Parse(Read(Path.Combine(demoDataDirectory, "awesome-llms-in-china", "llms_in_china.csv")));
        _names = [.. filings.Listings.Select(l => l.Content.TitleZh), .. models.Listings.Select(l => l.Content.TitleZh)];
        _purposes = [.. filings.Listings.Select(l => l.Content.SummaryZh).Where(p => p.Length > 0)];
        _companies = [.. filings.Organisations.Select(o => o.NameZh), .. models.Organisations.Select(o => o.NameZh)];
    }

    public IEnumerable<(ListingRecord Listing, string Owner)> Generate(int count)
    {
        var types = Enum.GetValues<ListingType>();
        var sectors = Sectors.All.Select(s => s.Key).ToArray();
        for (var i = 0; i < count; i++)
        {
            var type = types[_random.Next(types.Length)];
            var english = string.Join(' ', Enumerable.Range(0, 4).Select(_ => EnglishWords[_random.Next(EnglishWords.Length)]));
            var content = new ListingContent
            {
                TitleZh = $"{Pick(_names)}{(i % 3 == 0 ? "·" + Pick(_names) : "")}",
                TitleEn = $"{char.ToUpperInvariant(english[0])}{english[1..]} {i}",
                SummaryZh = $"{Pick(_purposes)}{Pick(_purposes)}",
                SummaryEn = $"A {english} solution for {Pick(EnglishWords)} and {Pick(EnglishWords)} in Guangdong.",
                CitySlug = GuangdongCities.All[_random.Next(GuangdongCities.All.Count)].Slug,
                Sectors = [Pick(sectors), Pick(sectors)],
                Attributes = type == ListingType.Dataset
                    ? new Dictionary<string, string> { ["licence"] = Pick(["CC-BY-4.0", "CC0-1.0", "ODbL-1.0"]), ["access_level"] = Pick(["open", "conditional", "restricted"]), ["publisher"] = "x" }
                    : new Dictionary<string, string>(),
            };
            var listing = new ListingRecord
            {
                Id = Guid.NewGuid(), Type = type, OwnerOrganisationId = Guid.NewGuid(), Status = ListingStatus.Published,
                Content = content, PublishedVersion = 1, UpdatedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
            };
            yield return (listing, Pick(_companies));
        }
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static TabularFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return TabularFile.Read(stream, path);
    }
}
