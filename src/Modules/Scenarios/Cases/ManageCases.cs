using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Policy.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Cases;

internal sealed record OutcomeRequest(string? Name, decimal Value, string? Unit);

internal sealed record CreateCaseRequest(string? Title, string? Summary, IReadOnlyList<OutcomeRequest>? Outcomes);

internal sealed record OutcomeView(string Name, decimal Value, string Unit);

internal sealed record CaseView(Guid Id, Guid ScenarioId, string Title, string Summary, string Sector, string City, int? BenchmarkYear, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>
/// Typical cases (<c>POST /api/v1/scenarios/{id}/case</c>) from delivered scenarios, and benchmark designation
/// (<c>POST /api/v1/cases/{id}/benchmark</c>) capped per year by the pack's <c>benchmark_cases</c> quota.
/// </summary>
internal sealed class ManageCases(ScenariosDb db, IAuditLog audit, ScenarioAccess access, IPolicyQueries policy, TimeProvider clock)
{
    public const string BenchmarkIndicator = "benchmark_cases";

    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> CreateAsync(Guid scenarioId, CreateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var post = await db.Scenarios.FindAsync([scenarioId], cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        if ((await access.ActorsAsync(post, cancellationToken)).Count == 0)
        {
            throw new DomainRuleException("Only the owning organisation or office staff write up a case.", null, 403);
        }

        if (post.Status != ScenarioStatus.Delivered)
        {
            throw new DomainRuleException($"Only a delivered scenario becomes a case; this one is {ScenarioLifecycle.Word(post.Status)}.", "status");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            errors["title"] = ["Give a title of at most 200 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 4000)
        {
            errors["summary"] = ["Give a summary of at most 4000 characters."];
        }

        var outcomes = request.Outcomes ?? [];
        if (outcomes.Count == 0 || outcomes.Any(o => string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > 200 || (o.Unit?.Length ?? 0) > 32))
        {
            errors["outcomes"] = ["Give at least one outcome figure, each with a name (and a unit of at most 32 characters)."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (await db.Cases.AnyAsync(c => c.ScenarioId == scenarioId, cancellationToken))
        {
            throw new DomainRuleException("This scenario already has a case.", "scenarioId");
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
        await audit.AppendAsync(new AuditEvent("scenarios.case.created", "case", created.Id.ToString(), JsonSerializer.Serialize(new { scenarioId, created.Title })), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (created.Id, errors);
    }

    /// <summary>
    /// Designates a benchmark case for the current year. The year's count lives in one tally row that is
    /// incremented only while below the cap, by a single conditional UPDATE inside the transaction: concurrent
    /// designations queue on that row (PostgreSQL row lock, SQLite's write lock), so the cap holds under races.
    /// </summary>
    public async Task DesignateAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!access.User.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException("Only office staff designate benchmark cases.", null, 403);
        }

        var year = clock.GetUtcNow().Year;
        var quota = (await policy.ListTargetsAsync(new TargetFilter(year, Indicator: BenchmarkIndicator), cancellationToken))
            .FirstOrDefault(t => t.Kind == TargetKind.Quota)
            ?? throw new DomainRuleException($"The policy pack sets no benchmark_cases quota for {year}.", "year");
        var cap = (int)quota.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var marked = await db.Cases.Where(c => c.Id == caseId && c.BenchmarkYear == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BenchmarkYear, year).SetProperty(c => c.DesignatedAt, now), cancellationToken);
        if (marked == 0)
        {
            throw await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken)
                ? new DomainRuleException("The case is already a benchmark case.", "id")
                : new DomainRuleException($"There is no case {caseId}.", "id", 404);
        }

        await db.Database.ExecuteSqlAsync($"INSERT INTO scenarios_benchmark_tallies (\"Year\", \"Designated\") VALUES ({year}, 0) ON CONFLICT (\"Year\") DO NOTHING", cancellationToken);
        var taken = await db.BenchmarkTallies.Where(t => t.Year == year && t.Designated < cap)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Designated, t => t.Designated + 1), cancellationToken);
        if (taken == 0)
        {
            throw new DomainRuleException($"The {year} quota of {cap} benchmark cases ({quota.Id}) is reached.", "year");
        }

        await audit.AppendAsync(new AuditEvent("scenarios.case.benchmark-designated", "case", caseId.ToString(), JsonSerializer.Serialize(new { year, cap, quota = quota.Id })), db, cancellationToken);
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

    public static async Task<Results<Created<CaseView>, ValidationProblem>> HandleCreateAsync(Guid id, CreateCaseRequest request, ManageCases cases, CancellationToken cancellationToken)
    {
        var (caseId, errors) = await cases.CreateAsync(id, request, cancellationToken);
        return caseId is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/cases/{caseId}", (await cases.ListAsync(cancellationToken)).Single(c => c.Id == caseId));
    }

    public static async Task<NoContent> HandleDesignateAsync(Guid id, ManageCases cases, CancellationToken cancellationToken)
    {
        await cases.DesignateAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<CaseView>>> HandleListAsync(ManageCases cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.ListAsync(cancellationToken));
}
