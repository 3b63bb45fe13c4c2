using Funeng.Catalog.Data;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Import;

/// <summary>
/// The demo catalog is the real data, not invented listings: the Guangdong CAC algorithm filings, the Guangdong
/// generative-AI filings and the Chinese LLM list (about 1,770 listings of 900 organisations, a few seconds).
/// Each file is imported once; <c>funeng catalog import FILE</c> re-imports (updates) on demand.
/// </summary>
internal sealed class CatalogDemoSeeder(CatalogImporter importer, CatalogDb db, IOptions<CatalogOptions> options) : IDemoSeeder
{
    public static IReadOnlyList<(string Source, string File)> Files { get; } =
    [
        (ImportFormats.CacAlgorithms, Path.Combine("cac-algorithm-filings", "filings_guangdong.csv")),
        (ImportFormats.CacGenerativeAi, Path.Combine("cac-genai-filings-guangdong", "genai_filings_guangdong.csv")),
        (ImportFormats.LlmList, Path.Combine("awesome-llms-in-china", "llms_in_china.csv")),
    ];

    public async Task<IReadOnlyList<ProblemMessage>> SeedAsync(CancellationToken cancellationToken)
    {
        var lines = new List<ProblemMessage>();
        foreach (var (source, file) in Files)
        {
            if (await db.Listings.AnyAsync(l => l.Source == source, cancellationToken))
            {
                continue;
            }

            var path = Path.Combine(options.Value.DemoDataDirectory, file);
            await using var stream = File.OpenRead(path);
            var result = await importer.ImportAsync(stream, path, null, cancellationToken);
            lines.Add(result.Succeeded
                ? ProblemMessage.Of("catalog.demo.imported", result.ListingsAdded, file)
                : ProblemMessage.Of("catalog.demo.refused", file, result.Errors.Take(3).Select(e => ProblemMessage.Of("catalog.import.problem.at-row", e.Row, e.Column, e.Message)).ToList()));
        }

        return lines;
    }
}
