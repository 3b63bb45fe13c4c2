using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

internal sealed record CriterionRequest(string? Name, decimal Weight);

/// <summary>A challenge: its scenarios, rules, deadline (UTC), rubric, phases (default one) and award (yuan).</summary>
internal sealed record CreateChallengeRequest(
    string? Title, string? Requirements, string? Eligibility, DateTimeOffset Deadline, string? AwardDescription, decimal AwardAmount,
    IReadOnlyList<Guid>? ScenarioIds, IReadOnlyList<CriterionRequest>? Criteria, IReadOnlyList<string>? Phases = null);

/// <summary><c>POST /api/v1/challenges</c> (office staff): a Challenge and Lead call built from published scenarios.</summary>
internal sealed class CreateChallenge(ScenariosDb db, IAuditLog audit, IActor actor, TimeProvider clock, UiText text)
{
    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> ExecuteAsync(CreateChallengeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-create-challenges"), null, 403);
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        Require(errors, "title", request.Title, 200);
        Require(errors, "requirements", request.Requirements, 4000);
        Require(errors, "eligibility", request.Eligibility, 2000);
        Require(errors, "awardDescription", request.AwardDescription, 1000);
        if (request.Deadline <= now)
        {
            errors["deadline"] = [text.Format("scenarios.problem.challenge-deadline-future", ChinaTime.Format(now))];
        }

        if (request.AwardAmount < 0)
        {
            errors["awardAmount"] = [text["scenarios.problem.award-negative"]];
        }

        var criteria = request.Criteria ?? [];
        if (criteria.Count == 0 || criteria.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200 || c.Weight <= 0))
        {
            errors["criteria"] = [text["scenarios.problem.criteria"]];
        }

        var phases = (request.Phases ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (phases.Count == 0)
        {
            phases.Add("评审 Review");
        }

        if (phases.Any(p => p.Contains('|', StringComparison.Ordinal)) || string.Join('|', phases).Length > 400)
        {
            errors["phases"] = [text["scenarios.problem.phases"]];
        }

        var ids = (request.ScenarioIds ?? []).Distinct().ToList();
        var scenarios = await db.Scenarios.Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        if (ids.Count == 0 || scenarios.Count != ids.Count || scenarios.Any(s => !ScenarioLifecycle.IsPublic(s.Status)))
        {
            errors["scenarioIds"] = [text["scenarios.problem.published-scenarios"]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var challenge = new Challenge
        {
            Id = Guid.NewGuid(),
            Title = request.Title!.Trim(),
            Requirements = request.Requirements!.Trim(),
            Eligibility = request.Eligibility!.Trim(),
            Deadline = request.Deadline.ToUniversalTime(),
            AwardDescription = request.AwardDescription!.Trim(),
            AwardAmount = request.AwardAmount,
            Phases = string.Join('|', phases),
            Status = ChallengeStatus.Open,
            CreatedAt = now,
            Scenarios = ids.ConvertAll(s => new ChallengeScenario { ScenarioId = s }),
            Criteria = criteria.Select((c, i) => new Criterion { Id = Guid.NewGuid(), Position = i, Name = c.Name!.Trim(), Weight = c.Weight }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.challenge.created", "challenge", challenge.Id.ToString(),
            ProblemMessage.Of("scenarios.audit.challenge-created", challenge.Title, challenge.Deadline, challenge.AwardAmount, ids.Count)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (challenge.Id, errors);
    }

    private void Require(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            errors[field] = [text.Format("scenarios.problem.challenge-field", field, max)];
        }
    }

    public static async Task<Results<Created<ChallengeView>, ValidationProblem>> HandleAsync(CreateChallengeRequest request, CreateChallenge create, GetChallenges get, CancellationToken cancellationToken)
    {
        var (id, errors) = await create.ExecuteAsync(request, cancellationToken);
        return id is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/challenges/{id}", await get.PublicAsync(id.Value, cancellationToken));
    }
}
