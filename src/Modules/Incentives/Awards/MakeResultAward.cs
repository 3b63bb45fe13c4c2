using System.Text.Json;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>
/// An award from a challenge's result or a benchmark designation: the same lock, budget, caps, quota, ledger and
/// audit as an approved application (<see cref="DecideApplication"/>), with the basis's id where the application's
/// would be, so the unique index on it allows one award per challenge or case.
/// </summary>
internal sealed class MakeResultAward(IncentivesDb db, ProgramCatalog catalog, BudgetLedger ledger, IAuditLog audit, INotifier notifier, TimeProvider clock, DeliverAwardEvents events,
    IOrganisationDirectory organisations) : IResultAwards
{
    public string? QuotaProgram(string indicator) =>
        catalog.Programs.FirstOrDefault(p => p.Quota is { } quota && p.Parameter(quota)?.Target == indicator)?.Id;

    public string? ProgramFor(AwardBasis basis) =>
        catalog.Programs.FirstOrDefault(p => p.AwardedFor == AwardedForName(basis))?.Id;

    /// <summary>The pack's name of a basis in a program's <c>awarded_for</c>.</summary>
    internal static string AwardedForName(AwardBasis basis) => basis switch
    {
        AwardBasis.ChallengeResult => "challenge_result",
        AwardBasis.BenchmarkDesignation => "benchmark_designation",
        _ => "application",
    };

    public async Task<ResultAward> AwardAsync(ResultAwardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Basis == AwardBasis.Application)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.application-s-award-made-approving"), "basis", 422);
        }

        var program = catalog.Get(request.ProgramId);
        // Read before the program's lock is taken: the audit entry names the recipient as the reader knows it.
        var recipient = await organisations.NameOfAsync(request.OrganisationId, request.RecipientName, cancellationToken);
        Award award;
        await using (var transaction = await ProgramLock.BeginAsync(db, program.Id, cancellationToken))
        {
            var today = ChinaTime.Today(clock);
            var timeline = await db.TimelineAsync(program, cancellationToken);
            var decision = Decide(program, timeline, today, request,
                await db.HistoryAsync(program.Id, request.OrganisationId, today.Year, cancellationToken),
                await db.Awards.AnyAsync(a => a.ApplicationId == request.BasisId, cancellationToken));
            var fen = BudgetLedger.ToFen(decision.Amount);
            var available = await ledger.AllocateAsync(program.Id, today.Year, BudgetLedger.ToFen(decision.Budget), cancellationToken);
            if (fen > available)
            {
                throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.result-award-budget-left", today.Year, program.Name, available / 100m, decision.Amount), "amount");
            }

            var awardId = Guid.NewGuid();
            ledger.Post(program.Id, today.Year, BudgetLedger.Available, BudgetLedger.Committed, fen, awardId, request.CitySlug, ProblemMessage.Of("incentives.ledger.memo.award-on", LedgerMemo.Short(request.RecipientName), ProblemMessage.Of("incentives.register.basis." + request.Basis)));
            award = new Award
            {
                Id = awardId, ApplicationId = request.BasisId, Basis = request.Basis.ToString(), ProgramId = program.Id, OrganisationId = request.OrganisationId,
                RecipientName = request.RecipientName, CitySlug = request.CitySlug, Year = today.Year, Kind = program.Kind,
                Status = AwardStatus.Committed, AmountFen = fen, DecidedOn = today, DecidedAt = clock.GetUtcNow(),
                TraceJson = JsonSerializer.Serialize(decision.Trace, JsonSerializerOptions.Web),
            };
            award.NoticeEndsAt = AwardNotice.EndsAt(program, timeline, today, award.DecidedAt);
            db.Awards.Add(award);
            AwardEvents.Changed(db, award, award.DecidedAt);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("incentives.award.made", "award", award.Id.ToString(),
                ProblemMessage.Of("incentives.audit.award-made", recipient, program.Name, award.Year, award.Amount, ProblemMessage.Of("incentives.register.basis." + request.Basis), request.BasisId.ToString(), request.Reasons)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await events.AfterCommitAsync(cancellationToken);
        await notifier.NotifyOrganisationAsync(award.OrganisationId, ProblemMessage.Of("incentives.notify.award-received", program.Name), "/incentives/awards", cancellationToken);
        return new ResultAward(award.Id, award.ProgramId, award.Amount, award.Year, award.Kind == AwardKind.Voucher);
    }

    internal sealed record Decision(decimal Amount, decimal Budget, IReadOnlyList<string> Trace);

    /// <summary>The rules of a result award, pure: open program, one award per basis, yearly quota, per-award cap, a set budget.</summary>
    internal static Decision Decide(IncentiveProgram program, ParameterTimeline timeline, DateOnly today, ResultAwardRequest request, AwardHistory history, bool basisAwarded)
    {
        if (!program.OpenOn(today))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.result-award-program-closed", program.Name, today), "programId");
        }

        if (basisAwarded)
        {
            throw new DomainRuleException(ProblemMessage.Of(request.Basis == AwardBasis.ChallengeResult
                ? "incentives.refusal.result-award-challenge-awarded-already"
                : "incentives.refusal.result-award-case-awarded-already"), "basisId");
        }

        var trace = new List<string>();
        if (program.Quota is { } quotaName && timeline.ValueOn(quotaName, today) is { } quota)
        {
            trace.Add($"awards this year {history.ProgramYearCount} < quota {quotaName} = {quota:0}");
            if (history.ProgramYearCount >= quota)
            {
                throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.result-award-quota-reached", today.Year, quota, program.Name, quotaName), "year");
            }
        }

        var maximum = program.Caps.PerAward is { } cap ? timeline.ValueOn(cap, today) : null;
        var amount = request.Amount ?? maximum
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.result-award-amount-needed", program.Name), "amount", 422);
        if (amount <= 0 || (maximum is not null && amount > maximum))
        {
            throw new DomainRuleException(maximum is null
                ? ProblemMessage.Of("incentives.refusal.result-award-amount-positive")
                : ProblemMessage.Of("incentives.refusal.result-award-amount-within-cap", maximum), "amount", 422);
        }

        trace.Add($"amount {amount:0.00} yuan{(maximum is null ? "" : $" ≤ {program.Caps.PerAward} = {maximum:0.00}")}");
        if (program.Caps.PerEnterprisePerYear is { } enterpriseCap && timeline.ValueOn(enterpriseCap, today) is { } enterpriseMaximum)
        {
            trace.Add($"enterprise's awards this year {history.EnterpriseYearTotal:0.00} + {amount:0.00} ≤ {enterpriseCap} = {enterpriseMaximum:0.00}");
            if (history.EnterpriseYearTotal + amount > enterpriseMaximum)
            {
                throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.result-award-enterprise-cap", request.RecipientName, history.EnterpriseYearTotal, program.Name, amount, enterpriseMaximum), "amount");
            }
        }

        var budget = timeline.ValueOn(program.Budget, today)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.result-award-budget-not-set", program.Budget, today.Year), "budget");
        return new Decision(amount, budget, trace);
    }

}
