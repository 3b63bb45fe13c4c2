using System.Text.Json;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>
/// An award from a challenge's result or a benchmark designation: the same lock, budget, caps, quota, ledger and
/// audit as an approved application (<see cref="DecideApplication"/>), with the basis's id where the application's
/// would be, so the unique index on it allows one award per challenge or case.
/// </summary>
internal sealed class MakeResultAward(IncentivesDb db, ProgramCatalog catalog, BudgetLedger ledger, IAuditLog audit, INotifier notifier, IActor actor, TimeProvider clock, DeliverAwardEvents events) : IResultAwards
{
    public string? QuotaProgram(string indicator) =>
        catalog.Programs.FirstOrDefault(p => p.Quota is { } quota && p.Parameter(quota)?.Target == indicator)?.Id;

    public async Task<ResultAward> AwardAsync(ResultAwardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Basis == AwardBasis.Application)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.application-s-award-made-approving"), "basis", 422);
        }

        var program = catalog.Get(request.ProgramId);
        Award award;
        await using (var transaction = await ProgramLock.BeginAsync(db, program.Id, cancellationToken))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var decision = Decide(program, await db.TimelineAsync(program, cancellationToken), today, request,
                await db.HistoryAsync(program.Id, request.OrganisationId, today.Year, cancellationToken),
                await db.Awards.AnyAsync(a => a.ApplicationId == request.BasisId, cancellationToken));
            var fen = BudgetLedger.ToFen(decision.Amount);
            var available = await ledger.AllocateAsync(program.Id, today.Year, BudgetLedger.ToFen(decision.Budget), cancellationToken);
            if (fen > available)
            {
                throw new DomainRuleException($"The {today.Year} budget of {program.Name.En} has {available / 100m:0.00} yuan left; {decision.Amount:0.00} yuan does not fit.", "amount");
            }

            var awardId = Guid.NewGuid();
            ledger.Post(program.Id, today.Year, BudgetLedger.Available, BudgetLedger.Committed, fen, awardId, request.CitySlug, $"award to {request.RecipientName} ({Word(request.Basis)})");
            award = new Award
            {
                Id = awardId, ApplicationId = request.BasisId, Basis = request.Basis.ToString(), ProgramId = program.Id, OrganisationId = request.OrganisationId,
                RecipientName = request.RecipientName, CitySlug = request.CitySlug, Year = today.Year, Kind = program.Kind,
                Status = AwardStatus.Committed, AmountFen = fen, DecidedOn = today, DecidedAt = clock.GetUtcNow(),
                TraceJson = JsonSerializer.Serialize(decision.Trace, JsonSerializerOptions.Web),
            };
            db.Awards.Add(award);
            AwardEvents.Changed(db, award, award.DecidedAt);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("incentives.award.made", "award", award.Id.ToString(),
                JsonSerializer.Serialize(new { award.ProgramId, basis = Word(request.Basis), basisId = request.BasisId, award.OrganisationId, amount = award.Amount, award.Year, request.Reasons, by = actor.Name }, JsonSerializerOptions.Web)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await events.AfterCommitAsync(cancellationToken);
        await notifier.NotifyOrganisationAsync(award.OrganisationId, $"您获得奖励：{program.Name.Zh}", $"You received an award: {program.Name.En}", "/incentives/awards", cancellationToken);
        return new ResultAward(award.Id, award.ProgramId, award.Amount, award.Year, award.Kind == AwardKind.Voucher);
    }

    internal sealed record Decision(decimal Amount, decimal Budget, IReadOnlyList<string> Trace);

    /// <summary>The rules of a result award, pure: open program, one award per basis, yearly quota, per-award cap, a set budget.</summary>
    internal static Decision Decide(IncentiveProgram program, ParameterTimeline timeline, DateOnly today, ResultAwardRequest request, AwardHistory history, bool basisAwarded)
    {
        if (!program.OpenOn(today))
        {
            throw new DomainRuleException($"{program.Name.En} is not open on {today:yyyy-MM-dd}.", "programId");
        }

        if (basisAwarded)
        {
            throw new DomainRuleException($"This {Word(request.Basis)} has its award already.", "basisId");
        }

        var trace = new List<string>();
        if (program.Quota is { } quotaName && timeline.ValueOn(quotaName, today) is { } quota)
        {
            trace.Add($"awards this year {history.ProgramYearCount} < quota {quotaName} = {quota:0}");
            if (history.ProgramYearCount >= quota)
            {
                throw new DomainRuleException($"The {today.Year} quota of {quota:0} awards under {program.Name.En} ({quotaName}) is reached.", "year");
            }
        }

        var maximum = program.Caps.PerAward is { } cap ? timeline.ValueOn(cap, today) : null;
        var amount = request.Amount ?? maximum
            ?? throw new DomainRuleException($"{program.Name.En} sets no per-award maximum; give the amount.", "amount", 422);
        if (amount <= 0 || (maximum is not null && amount > maximum))
        {
            throw new DomainRuleException($"The amount must be more than 0{(maximum is null ? "" : $" and at most {maximum:0.00}")} yuan.", "amount", 422);
        }

        trace.Add($"amount {amount:0.00} yuan{(maximum is null ? "" : $" ≤ {program.Caps.PerAward} = {maximum:0.00}")}");
        if (program.Caps.PerEnterprisePerYear is { } enterpriseCap && timeline.ValueOn(enterpriseCap, today) is { } enterpriseMaximum)
        {
            trace.Add($"enterprise's awards this year {history.EnterpriseYearTotal:0.00} + {amount:0.00} ≤ {enterpriseCap} = {enterpriseMaximum:0.00}");
            if (history.EnterpriseYearTotal + amount > enterpriseMaximum)
            {
                throw new DomainRuleException($"{request.RecipientName} has {history.EnterpriseYearTotal:0.00} yuan under {program.Name.En} this year; {amount:0.00} more passes the cap of {enterpriseMaximum:0.00}.", "amount");
            }
        }

        var budget = timeline.ValueOn(program.Budget, today)
            ?? throw new DomainRuleException($"The program's budget ({program.Budget}) for {today.Year} is not set; office staff must set it first.", "budget");
        return new Decision(amount, budget, trace);
    }

    private static string Word(AwardBasis basis) => basis switch
    {
        AwardBasis.ChallengeResult => "challenge result",
        AwardBasis.BenchmarkDesignation => "benchmark designation",
        _ => "application",
    };
}
