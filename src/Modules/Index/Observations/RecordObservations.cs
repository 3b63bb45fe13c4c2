using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Kernel.Geography;
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
                errors.Add(new ObservationError(row, "indicator", $"the same indicator, scope and year as row {earlier} (one value per year; correct it in a later import)"));
            }

            seen[key] = row;
        }

        if (rows.Count == 0)
        {
            errors.Add(new ObservationError(null, "rows", "there is nothing to record"));
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
        var details = records.Count == 1
            ? $"{first.Indicator} {first.Scope} {first.Year} v{first.Version} = {first.Value} ({first.Status}; {channel}; source: {first.Source})"
            : $"{records.Count} values via {channel}: {string.Join(", ", records.Select(r => r.Indicator).Distinct().Take(10))}";
        await audit.AppendAsync(new AuditEvent("index.observations.recorded", "index-observation", first.Id.ToString(), details), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return records;
    }

    private static IEnumerable<ObservationError> Validate(NewObservation row, int? at, IReadOnlyList<string> writable)
    {
        var indicator = IndicatorCatalog.Find(row.Indicator ?? "");
        if (indicator is null)
        {
            yield return new ObservationError(at, "indicator", $"'{row.Indicator}' is not a known indicator key (see /api/v1/index/indicators)");
        }

        if (!GuangdongCities.IsValidScope(row.Scope ?? ""))
        {
            yield return new ObservationError(at, "scope", $"'{row.Scope}' is not 'province' or 'city:<slug>' (e.g. city:guangzhou)");
        }
        else if (!writable.Contains(row.Scope))
        {
            yield return new ObservationError(at, "scope", $"you may not enter values for '{row.Scope}'" + (writable.Count > 0 ? $" (only {string.Join(", ", writable.Take(2))})" : ""));
        }
        else if (indicator?.Scope == IndicatorScope.Province && row.Scope != GuangdongCities.ProvinceScope)
        {
            yield return new ObservationError(at, "scope", $"{indicator.Key} is reported for the province only");
        }

        if (row.Year is < 2000 or > 2100)
        {
            yield return new ObservationError(at, "year", $"{row.Year} is not a year between 2000 and 2100");
        }

        if (row.Value < 0)
        {
            yield return new ObservationError(at, "value", $"{row.Value} is negative; every indicator counts or measures something that cannot be below zero");
        }

        if (string.IsNullOrWhiteSpace(row.Source))
        {
            yield return new ObservationError(at, "source", "say where the value comes from (a yearbook, a report, a list)");
        }
        else if (row.Source.Length > MaxSourceLength)
        {
            yield return new ObservationError(at, "source", $"is longer than {MaxSourceLength} characters");
        }

        if (row.Note?.Length > MaxSourceLength)
        {
            yield return new ObservationError(at, "note", $"is longer than {MaxSourceLength} characters");
        }
    }
}
