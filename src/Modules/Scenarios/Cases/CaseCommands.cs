using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Incentives.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Cases;

internal sealed record OutcomeRequest(string? Name, decimal Value, string? Unit);

internal sealed record CreateCaseRequest(string? Title, string? Summary, IReadOnlyList<OutcomeRequest>? Outcomes);

internal sealed record OutcomeView(string Name, decimal Value, string Unit);

/// <summary>A designation's reward: the amount (default the program's per-award maximum) and the reasons.</summary>
internal sealed record DesignateRequest(decimal? Amount, string? Reasons);

internal sealed record CaseView(Guid Id, Guid ScenarioId, string Title, string Summary, string Sector, string City, int? BenchmarkYear, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>
/// Typical cases (<c>POST /api/v1/scenarios/{id}/case</c>) from delivered scenarios, and benchmark designation
/// (<c>POST /api/v1/cases/{id}/benchmark</c>), rewarded under the pack's benchmark-case program and capped per year by its quota.
/// </summary>
internal sealed class CaseCommands(ScenariosDb db, IAuditLog audit, ScenarioAccess access, IResultAwards awards, IOrganisationDirectory organisations, TimeProvider clock, UiText text)
{
    public const string BenchmarkIndicator = "benchmark_cases";

    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> CreateAsync(Guid scenarioId, CreateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var post = await db.Scenarios.FindAsync([scenarioId], cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        if ((await access.ActorsAsync(post, cancellationToken)).Count == 0)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-owning-organisation-office-staff"), null, 403);
        }

        if (post.Status != ScenarioStatus.Delivered)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.case-needs-delivered", ProblemMessage.Of("scenarios.status." + ScenarioLifecycle.Word(post.Status))), "status");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            errors["title"] = [text["scenarios.problem.case-title"]];
        }

        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 4000)
        {
            errors["summary"] = [text["scenarios.problem.case-summary"]];
        }

        var outcomes = request.Outcomes ?? [];
        if (outcomes.Count == 0 || outcomes.Any(o => string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > 200 || (o.Unit?.Length ?? 0) > 32))
        {
            errors["outcomes"] = [text["scenarios.problem.case-outcomes"]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (await db.Cases.AnyAsync(c => c.ScenarioId == scenarioId, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.scenario-already-has-case"), "scenarioId");
        }

        var created = new ScenarioCase
        {
            Id = Guid.NewGuid(),
            ScenarioId = scenarioId,
            Title = request.Title!.Trim(),
            Summary = request.Summary!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Outcomes = outcomes.Select(o => new CaseOutcome { Id = Guid.NewGuid(), Name = o.Name!.Trim(), Value = o.Value, Unit = o.Unit?.Trim() ?? "" }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cases.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.case.created", "case", created.Id.ToString(), ProblemMessage.Of("scenarios.audit.case-created", created.Title, scenarioId.ToString())), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (created.Id, errors);
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
        if (!access.Actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-designate-benchmark"), null, 403);
        }

        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-case", caseId), "id", 404);
        if (found.BenchmarkYear is not null)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.case-already-benchmark-case"), "id");
        }

        var programId = awards.QuotaProgram(BenchmarkIndicator)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.program-policy-pack-rewards-benchmark"), "programId");
        var post = await db.Scenarios.AsNoTracking().SingleAsync(p => p.Id == found.ScenarioId, cancellationToken);
        var owner = await organisations.FindAsync(post.OwnerOrganisationId, cancellationToken);
        var award = await awards.AwardAsync(new ResultAwardRequest(programId, AwardBasis.BenchmarkDesignation, caseId, post.OwnerOrganisationId,
            owner?.NameZh ?? post.OwnerOrganisationId.ToString(), post.CitySlug, request?.Amount, request?.Reasons ?? $"benchmark case: {found.Title}"), cancellationToken);

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

    public static async Task<Results<Created<CaseView>, ValidationProblem>> HandleCreateAsync(Guid id, CreateCaseRequest request, CaseCommands cases, CancellationToken cancellationToken)
    {
        var (caseId, errors) = await cases.CreateAsync(id, request, cancellationToken);
        return caseId is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/cases/{caseId}", (await cases.ListAsync(cancellationToken)).Single(c => c.Id == caseId));
    }

    public static async Task<NoContent> HandleDesignateAsync(Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DesignateRequest? request, CaseCommands cases, CancellationToken cancellationToken)
    {
        await cases.DesignateAsync(id, request, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<CaseView>>> HandleListAsync(CaseCommands cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.ListAsync(cancellationToken));
}
