using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Index.Observations;

/// <summary>An unpublished figure as the draft table shows it: the indicator and scope by name, who entered it and when.</summary>
internal sealed record DraftFigure(Guid Id, LocalizedText Indicator, LocalizedText Scope, int Year, decimal Value, string Source, string EnteredByName, DateTimeOffset EnteredAt);

/// <summary>Reads the current values: published observations and every registered live source.</summary>
internal sealed class IndicatorValues(IndexDb db, IEnumerable<ILiveIndicatorSource> sources, OperatorLog<IndicatorValues> log)
{
    public async Task<ValueBook> LoadAsync(CancellationToken cancellationToken)
    {
        var published = await db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Published).ToListAsync(cancellationToken);
        var reported = Heads(published).Select(ToFigure);
        var live = new List<LiveObservation>();
        foreach (var source in sources)
        {
            try
            {
                live.AddRange(await source.ReadAsync(cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One module's failing count must not take the dashboards down; its figures are simply missing.
                log.Warning(ProblemMessage.Of("index.log.live-source-failed", source.GetType().Name), e);
            }
        }

        return new ValueBook(reported, live);
    }

    /// <summary>The newest draft of each figure in <paramref name="scopes"/> that is newer than its published value.</summary>
    public async Task<IReadOnlyList<DraftFigure>> DraftsAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var rows = await db.Observations.AsNoTracking().Where(o => scopes.Contains(o.Scope)).ToListAsync(cancellationToken);
        return [.. Heads(rows).Where(o => o.Status == ObservationStatus.Draft).OrderBy(o => o.Scope).ThenBy(o => o.Indicator).ThenBy(o => o.Year)
            .Select(o => new DraftFigure(o.Id, IndicatorCatalog.NameOf(o.Indicator), GuangdongCities.ScopeName(o.Scope), o.Year, o.Value, o.Source, o.EnteredByName, o.EnteredAt))];
    }

    /// <summary>One draft version by its id; null when there is none, or that version is not a draft.</summary>
    public Task<ObservationRecord?> FindDraftAsync(Guid id, CancellationToken cancellationToken) =>
        db.Observations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Status == ObservationStatus.Draft, cancellationToken);

    /// <summary>Every version of one figure, newest first.</summary>
    public async Task<IReadOnlyList<ObservationRecord>> HistoryAsync(string indicator, string scope, int year, bool includeDrafts, CancellationToken cancellationToken) =>
        (await db.Observations.AsNoTracking()
            .Where(o => o.Indicator == indicator && o.Scope == scope && o.Year == year && (includeDrafts || o.Status == ObservationStatus.Published))
            .ToListAsync(cancellationToken))
        .OrderByDescending(o => o.Version).ToList();

    public static IEnumerable<ObservationRecord> Heads(IEnumerable<ObservationRecord> rows) =>
        rows.GroupBy(o => (o.Indicator, o.Scope, o.Year)).Select(g => g.MaxBy(o => o.Version)!);

    public static Figure ToFigure(ObservationRecord o) =>
        new(o.Indicator, o.Scope, o.Year, o.Value, FigureOrigin.Reported, o.Source, o.Invented, o.Id, o.Version, o.EnteredByName, o.EnteredAt);
}
