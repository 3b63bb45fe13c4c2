using Funeng.Catalog.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Profiles;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Screening;

/// <summary>
/// "Benefits without applying" (免申即享): office staff screen every registered enterprise against every program
/// at once; each enterprise that has become eligible for a program is told once.
/// </summary>
internal sealed class ScreenEnterprises(
    IncentivesDb db, ProgramCatalog catalog, ICatalogQueries enterpriseRecords, INotifier notifier, IAuditLog audit, TimeProvider clock)
{
    public sealed record Result(int Enterprises, int Programs, int EligiblePairs, int Notified);

    public static async Task<Ok<Result>> HandleAsync(ScreenEnterprises screen, CancellationToken cancellationToken) =>
        TypedResults.Ok(await screen.RunAsync(cancellationToken));

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var profiles = await db.Profiles.AsNoTracking().ToListAsync(cancellationToken);
        var timelines = await db.TimelinesAsync(catalog.Programs, cancellationToken);
        var awards = await db.Awards.AsNoTracking().Where(a => a.Year == today.Year && a.Status != AwardStatus.ClawedBack)
            .Select(a => new { a.ProgramId, a.OrganisationId, a.AmountFen }).ToListAsync(cancellationToken);
        var programTotals = awards.GroupBy(a => a.ProgramId).ToDictionary(g => g.Key, g => (Count: g.Count(), Fen: g.Sum(a => a.AmountFen)));
        var enterpriseTotals = awards.GroupBy(a => (a.ProgramId, a.OrganisationId)).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountFen));
        var notified = (await db.Notices.AsNoTracking().Select(n => new { n.ProgramId, n.OrganisationId }).ToListAsync(cancellationToken))
            .Select(n => (n.ProgramId, n.OrganisationId)).ToHashSet();

        var records = await RecordsAsync(profiles, cancellationToken);
        var facts = profiles.Select(p => catalog.Facts.Type(EnterpriseProfiles.WithListing(
            EnterpriseRecord.Merge(ProgramCatalog.ReadFacts(p.FactsJson), records.GetValueOrDefault(p.OrganisationId), catalog.Facts), p.Untrustworthy), out _)).ToList();
        AwardHistory History(int enterprise, IncentiveProgram program)
        {
            var (count, fen) = programTotals.GetValueOrDefault(program.Id);
            return new AwardHistory(enterpriseTotals.GetValueOrDefault((program.Id, profiles[enterprise].OrganisationId)) / 100m, count, fen / 100m);
        }

        var verdicts = Screener.Screen(catalog.Programs, timelines, facts, today, History);
        var eligible = new List<(IncentiveProgram Program, EnterpriseProfile Profile, decimal? Amount)>();
        for (var i = 0; i < verdicts.Length; i++)
        {
            if (verdicts[i].Outcome == EligibilityOutcome.Eligible)
            {
                eligible.Add((catalog.Programs[i % catalog.Programs.Count], profiles[i / catalog.Programs.Count], verdicts[i].Amount));
            }
        }

        var fresh = eligible.Where(e => !notified.Contains((e.Program.Id, e.Profile.OrganisationId))).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Notices.AddRange(fresh.Select(e => new EligibilityNotice { ProgramId = e.Program.Id, OrganisationId = e.Profile.OrganisationId, NotifiedAt = clock.GetUtcNow() }));
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("incentives.screening.run", "screening", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ProblemMessage.Of("incentives.audit.screening-run", profiles.Count, eligible.Count, fresh.Count)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (program, profile, amount) in fresh)
        {
            var title = amount is { } upTo
                ? ProblemMessage.Of("incentives.notify.now-eligible-up-to", program.Name, upTo)
                : ProblemMessage.Of("incentives.notify.now-eligible", program.Name);
            await notifier.NotifyOrganisationAsync(profile.OrganisationId, title, $"/incentives/apply/{program.Id}", cancellationToken);
        }

        return new Result(profiles.Count, catalog.Programs.Count, eligible.Count, fresh.Count);
    }

    /// <summary>The enterprises' catalog profiles, read a batch at a time so that no query names too many ids.</summary>
    private async Task<Dictionary<Guid, OrganisationProfile>> RecordsAsync(IReadOnlyList<EnterpriseProfile> profiles, CancellationToken cancellationToken)
    {
        var records = new Dictionary<Guid, OrganisationProfile>();
        foreach (var batch in profiles.Select(p => p.OrganisationId).Chunk(500))
        {
            foreach (var (id, record) in await enterpriseRecords.FindOrganisationsAsync(batch, cancellationToken))
            {
                records[id] = record;
            }
        }

        return records;
    }
}
