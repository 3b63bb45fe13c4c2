using System.Text.Json;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>Office staff decide an application: approve (an award, committed in the ledger) or reject, with reasons.</summary>
internal sealed class DecideApplication(IncentivesDb db, ProgramCatalog catalog, BudgetLedger ledger, IAuditLog audit, INotifier notifier, IActor actor, TimeProvider clock, DeliverAwardEvents events, UiText text,
    IOrganisationDirectory organisations)
{
    public sealed record Request(bool Approve, string? Reasons, decimal? Amount);

    public static async Task<Results<Ok<AwardView>, NoContent>> HandleAsync(Guid id, Request request, DecideApplication decide, CancellationToken cancellationToken)
    {
        if (!request.Approve)
        {
            await decide.RejectAsync(id, request.Reasons, cancellationToken);
            return TypedResults.NoContent();
        }

        var award = await decide.ApproveAsync(id, request.Amount, request.Reasons, cancellationToken);
        return TypedResults.Ok(AwardView.Of(award));
    }

    /// <summary>
    /// Approves inside one transaction holding the program's lock: re-reads the application, re-evaluates the
    /// rules on its submission date with this year's awards, allocates the year's budget, and refuses anything
    /// past a cap, the quota or the budget. The award, its ledger legs, the status and the audit entry commit
    /// together or not at all.
    /// </summary>
    public async Task<Award> ApproveAsync(Guid applicationId, decimal? amount, string? reasons, CancellationToken cancellationToken)
    {
        RequireReasons(reasons);
        var applicant = await db.Applications.Where(a => a.Id == applicationId).Select(a => new { a.ProgramId, a.OrganisationId, a.ApplicantName }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "id", 404);
        var program = catalog.Get(applicant.ProgramId);
        // Read before the program's lock is taken: the audit entry names the recipient as the reader knows it.
        var recipient = await organisations.NameOfAsync(applicant.OrganisationId, applicant.ApplicantName, cancellationToken);
        Award award;
        await using (var transaction = await ProgramLock.BeginAsync(db, program.Id, cancellationToken))
        {
            var application = await db.Applications.Include(a => a.Scores).SingleAsync(a => a.Id == applicationId, cancellationToken);
            Decidable(application, program);
            var today = ChinaTime.Today(clock);
            var timeline = await db.TimelineAsync(program, cancellationToken);
            var facts = catalog.Facts.Type(ProgramCatalog.ReadFacts(application.FactsJson), out _);
            var history = await db.HistoryAsync(program.Id, application.OrganisationId, today.Year, cancellationToken);
            var verdict = EligibilityEngine.Evaluate(program, timeline, facts, application.SubmittedOn, history, catalog: catalog.Facts);
            if (!verdict.CanAward)
            {
                throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.no-award-allowed", Why(verdict, program, catalog.Facts, text)), "amount");
            }

            var granted = amount ?? verdict.MaximumAmount!.Value;
            // In fen, as it is booked: 0.004 yuan is more than 0 but books as a 0.00-yuan award (issue 15).
            if (BudgetLedger.ToFen(granted) < 1 || granted > verdict.MaximumAmount)
            {
                throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.amount-range", verdict.MaximumAmount), "amount", 422);
            }

            var budget = timeline.ValueOn(program.Budget, today)
                ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.budget-unset", program.Budget, today.Year), "budget");
            var fen = BudgetLedger.ToFen(granted);
            var available = await ledger.AllocateAsync(program.Id, today.Year, BudgetLedger.ToFen(budget), cancellationToken);
            if (fen > available)
            {
                throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.budget-left", today.Year, available / 100m, granted), "amount");
            }

            var awardId = Guid.NewGuid();
            ledger.Post(program.Id, today.Year, BudgetLedger.Available, BudgetLedger.Committed, fen, awardId, application.CitySlug, ProblemMessage.Of("incentives.ledger.memo.award", LedgerMemo.Short(application.ApplicantName)));
            await db.SaveChangesAsync(cancellationToken);
            // The ledger legs are written but not committed: a process that dies from here on leaves nothing behind.
            await ApprovalPause.BeforeAwardAsync(application.Id, cancellationToken);
            award = new Award
            {
                Id = awardId, ApplicationId = application.Id, ProgramId = program.Id, OrganisationId = application.OrganisationId,
                RecipientName = application.ApplicantName, CitySlug = application.CitySlug, Year = today.Year, Kind = program.Kind,
                Status = AwardStatus.Committed, AmountFen = fen, DecidedOn = today, DecidedAt = clock.GetUtcNow(),
                TraceJson = JsonSerializer.Serialize(verdict.Trace, JsonSerializerOptions.Web),
            };
            award.NoticeEndsAt = AwardNotice.EndsAt(program, timeline, today, award.DecidedAt);
            db.Awards.Add(award);
            AwardEvents.Changed(db, award, award.DecidedAt);
            application.Status = ApplicationStatus.Approved;
            application.DecisionReasons = reasons;
            application.DecidedAt = award.DecidedAt;
            ApplicationHistory.Record(db, application.Id, ApplicationStepKind.Approved, award.DecidedAt, actor.Name, reasons);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("incentives.award.approved", "award", award.Id.ToString(),
                ProblemMessage.Of("incentives.audit.award-approved", recipient, program.Name, award.Year, award.Amount, application.Id.ToString(), reasons)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await events.AfterCommitAsync(cancellationToken);
        await notifier.NotifyOrganisationAsync(award.OrganisationId, ProblemMessage.Of("incentives.notify.application-approved", program.Name), $"/incentives/applications/{applicationId}", cancellationToken);
        return award;
    }

    public async Task RejectAsync(Guid applicationId, string? reasons, CancellationToken cancellationToken)
    {
        RequireReasons(reasons);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.Applications.Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "id", 404);
        if (application.Status is ApplicationStatus.Approved or ApplicationStatus.Rejected)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.application-has-been-decided-already"), "id");
        }

        application.Status = ApplicationStatus.Rejected;
        application.DecisionReasons = reasons;
        application.DecidedAt = clock.GetUtcNow();
        ApplicationHistory.Record(db, application.Id, ApplicationStepKind.Rejected, application.DecidedAt.Value, actor.Name, reasons);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.application.rejected", "application", application.Id.ToString(),
            ProblemMessage.Of("incentives.audit.application-rejected", catalog.NameOf(application.ProgramId), reasons)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyOrganisationAsync(application.OrganisationId, ProblemMessage.Of("incentives.notify.application-rejected"), $"/incentives/applications/{application.Id}", cancellationToken);
    }

    /// <summary>A decision gives its reasons, whether it comes from the API, the awards page or the command line.</summary>
    private static void RequireReasons([System.Diagnostics.CodeAnalysis.NotNull] string? reasons)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw InvalidInputException.For("reasons", "incentives.problem.decision-needs-reasons");
        }
    }

    private static void Decidable(Application application, IncentiveProgram program)
    {
        if (application.Status is ApplicationStatus.Approved or ApplicationStatus.Rejected)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.application-has-been-decided-already"), "id");
        }

        if (application.Status != ApplicationStatus.UnderReview)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.staff-must-find-application-complete"), "id");
        }

        if (program.ExpertReview && application.Scores.Count == 0)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.program-asks-expert-scoring-expert"), "id");
        }
    }

    /// <summary>
    /// Why the rules refuse, named as the reader knows it: each condition failed by its name (the engine's own
    /// checks by their label), each missing fact by its label, each unset parameter by its code.
    /// </summary>
    internal static LocalizedText Why(ProgramVerdict verdict, IncentiveProgram program, FactCatalog facts, UiText text) =>
        LocalizedText.Join(
            verdict.Failed.Select(f => ProblemMessage.Of("incentives.reason.fails", (object?)program.Conditions.FirstOrDefault(c => c.Id == f)?.Name ?? ProblemMessage.Of("incentives.reason." + f)).Both(text))
                .Concat(verdict.Needs.Select(n => ProblemMessage.Of("incentives.reason.needs", facts.Find(n)?.Name ?? new LocalizedText(n, n)).Both(text)))
                .Concat(verdict.MissingParameters.Distinct().Select(p => ProblemMessage.Of("incentives.reason.parameter-unset", p).Both(text))),
            "；", "; ");
}

/// <summary>An award as the API shows it.</summary>
internal sealed record AwardView(Guid Id, Guid ApplicationId, string ProgramId, Guid OrganisationId, string RecipientName, string? City, int Year, AwardKind Kind, AwardStatus Status, decimal Amount, DateOnly DecidedOn)
{
    public static AwardView Of(Award a) => new(a.Id, a.ApplicationId, a.ProgramId, a.OrganisationId, a.RecipientName, a.CitySlug, a.Year, a.Kind, a.Status, a.Amount, a.DecidedOn);
}
