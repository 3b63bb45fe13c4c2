using System.Text.RegularExpressions;
using Funeng.Catalog.Contracts;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>What matchmaking reads of a scenario.</summary>
internal sealed partial record MatchQuery(string Title, string Problem, string ExpectedOutcome, string Sector, string City)
{
    /// <summary>The whole need in the owner's words: title, problem and expected outcome.</summary>
    public string Text => $"{Title}\n{Problem}\n{ExpectedOutcome}";

    /// <summary>
    /// What is searched: the title and the expected outcome (what a solution must do) with the trade's words for the
    /// sector. The problem's account of the owner's situation matched more unrelated listings than it found
    /// (bench/Scenarios.Bench: nDCG@10 0.598 with it, 0.613 without).
    /// </summary>
    public string SearchText => DemoMarks().Replace($"{Title}\n{ExpectedOutcome}\n{SectorVocabulary.Of(Sector)}", " ");

    /// <summary>
    /// The marks that say a record is demo data ("（演示）", "演示：", "(demo)", "Demo:"): no need asks for them, and 演示
    /// brought listings that demonstrate something to every demo scenario's suppliers. The word inside other words
    /// (演示文稿, a presentation) stays.
    /// </summary>
    [GeneratedRegex(@"[（(]\s*(?:演示|demo)\s*[）)]|(?:演示|Demo)\s*[：:]", RegexOptions.IgnoreCase)]
    private static partial Regex DemoMarks();
}

/// <summary>
/// Scenario → ranked suppliers: <see cref="MatchQuery.SearchText"/> goes through the Catalog's one search path (the
/// same query builder, glossary and ranker as the catalog page and the search API) as an any-term query (a long need
/// shares only some words with any one listing), collapsed to each supplier's best listing; the best
/// <see cref="Candidates"/> are re-ranked by <see cref="MatchRanking"/>. Measured in bench/Scenarios.Bench.
/// </summary>
internal static class SupplierSearch
{
    public const int Shown = 50;

    /// <summary>As many as are shown: the re-ranking only reorders near-equal text matches, and each hit costs a stored-document read and a snippet.</summary>
    public const int Candidates = Shown;

    /// <summary>Currently valid qualification kinds per organisation, for the owners among the candidates.</summary>
    public delegate Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> QualificationLookup(IReadOnlyList<Guid> organisations, CancellationToken cancellationToken);

    /// <summary>How many challenges each of the candidates' organisations has won, as a team member.</summary>
    public delegate Task<IReadOnlyDictionary<Guid, int>> PastAwardLookup(IReadOnlyList<Guid> organisations, CancellationToken cancellationToken);

    public static async Task<SupplierMatches> RankAsync(ICatalogSearch search, MatchQuery query, QualificationLookup qualifications,
        PastAwardLookup pastAwards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(qualifications);
        ArgumentNullException.ThrowIfNull(pastAwards);
        var request = new CatalogSearchRequest(query.SearchText, CatalogFilters.None, CatalogViewer.Public, 1, Candidates)
        {
            TextMatch = CatalogTextMatch.AnyTerm,
            WithFacets = false,
        };
        var result = await search.SearchAsync(request, cancellationToken);
        var hits = result.Hits.Where(h => h.Kind != CatalogHitKind.Organisation).ToList();
        IReadOnlyList<Guid> owners = [.. hits.Select(h => h.OwnerOrganisationId).Distinct()];
        var held = await qualifications(owners, cancellationToken);
        var won = await pastAwards(owners, cancellationToken);
        var ranked = MatchRanking.Rank([.. hits.Select(h => new MatchCandidate(
            h.Id, h.Score, query.Sector is { } sector && h.Sectors.Contains(sector), h.CitySlug == query.City,
            held.GetValueOrDefault(h.OwnerOrganisationId) ?? [], won.GetValueOrDefault(h.OwnerOrganisationId)))]);
        var byId = hits.ToDictionary(h => h.Id);
        IReadOnlyList<SupplierMatch> suppliers = [.. ranked.Take(Shown).Select(r =>
        {
            var hit = byId[r.Candidate.Id];
            return new SupplierMatch(hit.Id, hit.TitleZh, hit.TitleEn, hit.OwnerOrganisationId, hit.OwnerNameZh, hit.CitySlug, r.Score, r.Reasons, hit.Snippet)
            {
                Matched = hit.Reasons,
                MoreFromSupplier = hit.MoreFromOwner,
                OrganisationNameEn = hit.OwnerNameEn,
            };
        })];
        // Only the owner's own words: the sector's vocabulary is the platform's addition to the search, not the need.
        return new SupplierMatches(suppliers, [.. result.Unfound.Where(term => query.Text.Contains(term, StringComparison.OrdinalIgnoreCase))]);
    }
}
