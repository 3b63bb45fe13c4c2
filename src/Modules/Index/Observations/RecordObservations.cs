using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Index.Observations;

/// <summary>
/// Writes observations, all or nothing: every row is checked first (indicator, scope, year, value, source, and
/// that the user may write that scope); one problem anywhere and nothing is written. Each value becomes the next
/// version of its (indicator, scope, year), with who entered it and from where, and the batch's audit entry
/// commits in the same transaction.
/// </summary>
internal sealed class RecordObservations(IndexDb db, ObservationAccess access, IActor actor, IAuditLog audit, TimeProvider clock)
{
    public const int MaxSourceLength = 400;

    public async Task<IReadOnlyList<ObservationRecord>> RecordAsync(IReadOnlyList<NewObservation> rows, string channel, CancellationToken cancellationToken, IReadOnlyList<int>? rowNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var writable = access.WritableScopes();
        var errors = new List<ObservationError>();
        var seen = new Dictionary<(string, string, int), int?>();
        for (var i = 0; i < rows.Count; i++)
        {
            int? row = rowNumbers?[i];
            errors.AddRange(Validate(rows[i], row, writable));
            var key = (rows[i].Indicator, rows[i].Scope, rows[i].Year);
            if (seen.TryGetValue(key, out var earlier))
            {
                errors.Add(ObservationError.Of(row, "indicator", "index.problem.same-as-row", earlier));
            }

            seen[key] = row;
        }

        if (rows.Count == 0)
        {
            errors.Add(ObservationError.Of(null, "rows", "index.problem.nothing"));
        }

        if (errors.Count > 0)
        {
            throw new Funeng.Kernel.Web.InvalidInputException(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var records = new List<ObservationRecord>(rows.Count);
        var now = clock.GetUtcNow();
        foreach (var group in rows.GroupBy(r => r.Indicator))
        {
            var scopes = group.Select(r => r.Scope).Distinct().ToList();
            var years = group.Select(r => r.Year).Distinct().ToList();
            var versions = await db.Observations
                .Where(o => o.Indicator == group.Key && scopes.Contains(o.Scope) && years.Contains(o.Year))
                .GroupBy(o => new { o.Scope, o.Year })
                .Select(g => new { g.Key.Scope, g.Key.Year, Version = g.Max(o => o.Version) })
                .ToListAsync(cancellationToken);
            foreach (var row in group)
            {
                var previous = versions.FirstOrDefault(v => v.Scope == row.Scope && v.Year == row.Year)?.Version ?? 0;
                records.Add(new ObservationRecord
                {
                    Id = Guid.CreateVersion7(now),
                    Indicator = row.Indicator,
                    Scope = row.Scope,
                    Year = row.Year,
                    Version = previous + 1,
                    Value = row.Value,
                    Status = row.Publish ? ObservationStatus.Published : ObservationStatus.Draft,
                    Source = row.Source.Trim(),
                    Invented = row.Invented,
                    Channel = channel,
                    EnteredByUserId = actor.UserId,
                    EnteredByName = actor.Name,
                    EnteredAt = now,
                    Note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim(),
                });
            }
        }

        db.Observations.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        var first = records[0];
        var by = ProblemMessage.Of("index.channel." + channel);
        var details = records.Count == 1
            ? ProblemMessage.Of("index.audit.observation-recorded", IndicatorCatalog.NameOf(first.Indicator), GuangdongCities.ScopeName(first.Scope), first.Year, first.Version, first.Value,
                ProblemMessage.Of(first.Status == ObservationStatus.Published ? "index.audit.published" : "index.audit.draft"), by,
                // A source the system wrote is a key (the demo's), worded for the reader like on the pages; a typed one stays as typed.
                first.Source.StartsWith("index.source.", StringComparison.Ordinal) ? ProblemMessage.Of(first.Source) : first.Source)
            : ProblemMessage.Of("index.audit.observations-recorded", records.Count, by, records.Select(r => r.Indicator).Distinct().Take(10).Select(IndicatorCatalog.NameOf).ToList());
        await audit.AppendAsync(new AuditEvent("index.observations.recorded", "index-observation", first.Id.ToString(), details), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return records;
    }

    private static IEnumerable<ObservationError> Validate(NewObservation row, int? at, IReadOnlyList<string> writable)
    {
        var indicator = IndicatorCatalog.Find(row.Indicator ?? "");
        if (indicator is null)
        {
            yield return ObservationError.Of(at, "indicator", "index.problem.unknown-indicator", row.Indicator);
        }

        if (!GuangdongCities.IsValidScope(row.Scope ?? ""))
        {
            yield return ObservationError.Of(at, "scope", "problem.value.scope", row.Scope);
        }
        else if (!writable.Contains(row.Scope))
        {
            yield return writable.Count > 0
                ? ObservationError.Of(at, "scope", "index.problem.scope-not-yours-only", row.Scope, string.Join(", ", writable.Take(2)))
                : ObservationError.Of(at, "scope", "index.problem.scope-not-yours", row.Scope);
        }
        else if (indicator?.Scope == IndicatorScope.Province && row.Scope != GuangdongCities.ProvinceScope)
        {
            yield return ObservationError.Of(at, "scope", "index.problem.province-only", indicator.Key);
        }

        if (row.Year is < 2000 or > 2100)
        {
            yield return ObservationError.Of(at, "year", "problem.value.year");
        }

        if (row.Value < 0)
        {
            yield return ObservationError.Of(at, "value", "index.problem.negative", row.Value);
        }

        if (string.IsNullOrWhiteSpace(row.Source))
        {
            yield return ObservationError.Of(at, "source", "index.problem.source-missing");
        }
        else if (row.Source.Length > MaxSourceLength)
        {
            yield return ObservationError.Of(at, "source", "index.problem.too-long", MaxSourceLength);
        }

        if (row.Note?.Length > MaxSourceLength)
        {
            yield return ObservationError.Of(at, "note", "index.problem.too-long", MaxSourceLength);
        }
    }
}
