using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Incentives.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Cases;

internal sealed record OutcomeRequest(string? Name, decimal Value, string? Unit);

internal sealed record CreateCaseRequest(string? Title, string? Summary, IReadOnlyList<OutcomeRequest>? Outcomes);

internal sealed record OutcomeView(string Name, decimal Value, string Unit);

/// <summary>A designation's reward: the amount (default the program's per-award maximum) and the reasons.</summary>
internal sealed record DesignateRequest(decimal? Amount, string? Reasons);

internal sealed record CaseView(Guid Id, Guid ScenarioId, string Title, string Summary, string Sector, string City, int? BenchmarkYear, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>
/// The use cases of cases: writing up a typical case of a delivered scenario, and benchmark designation, rewarded
/// under the pack's benchmark-case program and capped per year by its quota. <see cref="CaseEndpoints"/> and the
/// pages call these; <see cref="CaseRules"/> decides.
/// </summary>
internal sealed class CaseCommands(ScenariosDb db, IAuditLog audit, ScenarioAccess access, IResultAwards awards, IOrganisationDirectory organisations, TimeProvider clock)
{
    public const string BenchmarkIndicator = "benchmark_cases";

    /// <summary>Whether the scenario's case is written up (a scenario has at most one).</summary>
    public Task<bool> HasCaseAsync(Guid scenarioId, CancellationToken cancellationToken) =>
        db.Cases.AnyAsync(c => c.ScenarioId == scenarioId, cancellationToken);

    /// <summary>Writes up the case of a delivered scenario; returns its id.</summary>
    public async Task<Guid> CreateAsync(Guid scenarioId, CreateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var post = await db.Scenarios.FindAsync([scenarioId], cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        CaseRules.RequireWriter((await access.ActorsAsync(post, cancellationToken)).Count > 0);
        CaseRules.RequireDelivered(post.Status);
        InvalidInputException.ThrowIfAny(CaseRules.Problems(request));
        CaseRules.RequireNoCaseYet(await HasCaseAsync(scenarioId, cancellationToken));

        var created = new ScenarioCase
        {
            Id = Guid.NewGuid(),
            ScenarioId = scenarioId,
            Title = request.Title!.Trim(),
            Summary = request.Summary!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Outcomes = request.Outcomes!.Select(o => new CaseOutcome { Id = Guid.NewGuid(), Name = o.Name!.Trim(), Value = o.Value, Unit = o.Unit?.Trim() ?? "" }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cases.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.case.created", "case", created.Id.ToString(), ProblemMessage.Of("scenarios.audit.case-created", created.Title, scenarioId.ToString())), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created.Id;
    }

    /// <summary>
    /// Designates a benchmark case and rewards it: the reward is an award under the pack's program whose yearly
    /// quota counts <c>benchmark_cases</c>, made through Incentives' ledger (budget, caps, double entry) before the
    /// case is marked. Incentives counts that program's awards of the year inside the program's lock, and an
    /// application approved under the same program is checked against the same count: one tally, so the eleventh
    /// case of a year is refused whichever path it takes, however the requests race. A second designation of the
    /// same case is refused by the one-award-per-basis rule.
    /// </summary>
    public async Task DesignateAsync(Guid caseId, DesignateRequest? request, CancellationToken cancellationToken)
    {
        CaseRules.RequireDesignator(access.Actor.IsInRole(Roles.OfficeStaff));
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-case", caseId), "id", 404);
        CaseRules.RequireNotYetBenchmark(found.BenchmarkYear);

        var programId = awards.QuotaProgram(BenchmarkIndicator)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.program-policy-pack-rewards-benchmark"), "programId");
        var post = await db.Scenarios.AsNoTracking().SingleAsync(p => p.Id == found.ScenarioId, cancellationToken);
        var owner = await organisations.FindAsync(post.OwnerOrganisationId, cancellationToken);
        var award = await awards.AwardAsync(new ResultAwardRequest(programId, AwardBasis.BenchmarkDesignation, caseId, post.OwnerOrganisationId,
            owner?.NameZh ?? post.OwnerOrganisationId.ToString(), post.CitySlug, request?.Amount, request?.Reasons is { Length: > 0 } typed ? ProblemMessage.Fixed(typed) : CaseRules.DefaultAwardReasons(found.Title)), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Cases.Where(c => c.Id == caseId && c.BenchmarkYear == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BenchmarkYear, award.Year).SetProperty(c => c.DesignatedAt, now), cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.case.benchmark-designated", "case", caseId.ToString(),
            ProblemMessage.Of("scenarios.audit.benchmark-designated", award.Year, award.ProgramId, award.Amount, award.AwardId.ToString())), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseView>> ListAsync(CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Outcomes).OrderByDescending(c => c.BenchmarkYear).ThenByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.ScenarioId).ToList();
        var posts = await db.Scenarios.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return cases.ConvertAll(c => new CaseView(c.Id, c.ScenarioId, c.Title, c.Summary, posts[c.ScenarioId].Sector, posts[c.ScenarioId].CitySlug, c.BenchmarkYear,
            c.Outcomes.Select(o => new OutcomeView(o.Name, o.Value, o.Unit)).ToList()));
    }
}
