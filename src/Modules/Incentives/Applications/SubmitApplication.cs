using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Incentives.Profiles;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Applications;

/// <summary>
/// An enterprise applies: the answers it gives are written to its profile (kept once, reused next time) and a
/// snapshot goes with the application. The program's validity window in the pack decides whether it is still open.
/// </summary>
internal sealed class SubmitApplication(IncentivesDb db, ProgramCatalog catalog, EnterpriseProfiles profiles, IAuditLog audit, IActor actor, TimeProvider clock, UiText text)
{
    public sealed record Request(string? ProgramId, FactValues? Facts);

    public static async Task<Created<ApplicationView>> HandleAsync(Request request, SubmitApplication submit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ProgramId))
        {
            throw InvalidInputException.For("programId", "incentives.problem.name-program");
        }

        if (request.Facts is not null)
        {
            InvalidInputException.ThrowIfAny(submit.Validate(request.Facts));
        }

        var application = await submit.SubmitAsync(request.ProgramId, request.Facts ?? FactValues.Empty, cancellationToken);
        return TypedResults.Created($"/api/v1/incentives/applications/{application.Id}", ApplicationView.Of(application));
    }

    public List<FieldProblem> Validate(FactValues facts) => profiles.Validate(facts);

    public async Task<Application> SubmitAsync(string programId, FactValues answers, CancellationToken cancellationToken)
    {
        var program = catalog.Get(programId);
        var organisationId = EnterpriseProfiles.Own(actor);
        var today = ChinaTime.Today(clock);
        if (!program.OpenOn(today))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.program-window", program.Name, program.ValidFrom, program.ValidTo, today), "programId", 422);
        }

        if (await db.Applications.AnyAsync(a => a.ProgramId == program.Id && a.OrganisationId == organisationId
                && a.Status != ApplicationStatus.Approved && a.Status != ApplicationStatus.Rejected, cancellationToken))
        {
            throw AlreadyOpen();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await profiles.ViewAsync(organisationId, cancellationToken);
        var merged = Merge(existing.Facts, answers);
        var profile = await profiles.SaveAsync(organisationId, merged, cancellationToken);
        var snapshot = EnterpriseProfiles.WithListing(merged, profile.Untrustworthy);
        var verdict = EligibilityEngine.Evaluate(program, await db.TimelineAsync(program, cancellationToken), catalog.Facts.Type(snapshot, out _), today, trace: false);
        if (verdict.Outcome != EligibilityOutcome.Eligible)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.not-eligible", DecideApplication.Why(verdict, program, catalog.Facts, text)), verdict.Needs.Count > 0 ? "facts." + verdict.Needs[0] : "programId", 422);
        }

        var now = clock.GetUtcNow();
        var application = new Application
        {
            Id = Guid.NewGuid(), ProgramId = program.Id, OrganisationId = organisationId, ApplicantName = profile.Name, CitySlug = profile.CitySlug,
            Status = ApplicationStatus.Submitted, FactsJson = ProgramCatalog.WriteFacts(snapshot), SubmittedOn = today, SubmittedAt = now,
            MaximumFen = verdict.MaximumAmount is { } max ? BudgetLedger.ToFen(max) : null,
        };
        db.Applications.Add(application);
        ApplicationHistory.Record(db, application.Id, ApplicationStepKind.Submitted, now, actor.Name);
        await SaveNumberedAsync(application, organisationId, cancellationToken);

        await audit.AppendAsync(new AuditEvent("incentives.application.submitted", "application", application.Id.ToString(),
            ProblemMessage.Of("incentives.audit.application-submitted", program.Name, profile.Name, application.SubmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), verdict.MaximumAmount)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return application;
    }

    /// <summary>Saves the new application under the next receipt number of the year. Two unique indexes can refuse
    /// it: one open application per program (a concurrent submission of the same enterprise won: refused) and the
    /// receipt number (another enterprise took it at the same moment: the next number is tried). EF Core rolls back
    /// to its own savepoint when a save inside a transaction fails, so the transaction stays usable for the retry.</summary>
    private async Task SaveNumberedAsync(Application application, Guid organisationId, CancellationToken cancellationToken)
    {
        var year = ChinaTime.ToChina(application.SubmittedAt).Year;
        for (var attempt = 1; ; attempt++)
        {
            application.ReceiptNumber = await ReceiptNumbers.NextAsync(db, year, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                if (await OpenElsewhereAsync(application, organisationId, cancellationToken))
                {
                    throw AlreadyOpen();
                }
            }
            catch (DbUpdateException)
            {
                throw AlreadyOpen();
            }
        }
    }

    private Task<bool> OpenElsewhereAsync(Application application, Guid organisationId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().AnyAsync(a => a.Id != application.Id && a.ProgramId == application.ProgramId && a.OrganisationId == organisationId
            && a.Status != ApplicationStatus.Approved && a.Status != ApplicationStatus.Rejected, cancellationToken);

    private static DomainRuleException AlreadyOpen() => new(ProblemMessage.Of("incentives.refusal.already-open"), "programId");

    /// <summary>The profile's facts with the new answers over them; qualifications are replaced when given.</summary>
    public static FactValues Merge(FactValues profile, FactValues answers)
    {
        var values = new Dictionary<string, string>(profile.Values, StringComparer.Ordinal);
        foreach (var (key, value) in answers.Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)))
        {
            values[key] = value;
        }

        var qualifications = answers.Values.ContainsKey("qualifications") || answers.Qualifications.Count > 0 ? answers.Qualifications : profile.Qualifications;
        return new FactValues(values, qualifications);
    }
}

/// <summary>An application as the API shows it.</summary>
internal sealed record ApplicationView(Guid Id, string? ReceiptNumber, string ProgramId, Guid OrganisationId, string ApplicantName, string? City, ApplicationStatus Status,
    DateOnly SubmittedOn, decimal? MaximumAmount, string? CompletenessNote, string? DecisionReasons, IReadOnlyList<string> Attachments, IReadOnlyList<int> Scores)
{
    public static ApplicationView Of(Application a) => new(a.Id, a.ReceiptNumber, a.ProgramId, a.OrganisationId, a.ApplicantName, a.CitySlug, a.Status, a.SubmittedOn,
        a.MaximumFen / 100m, a.CompletenessNote, a.DecisionReasons, a.Attachments.Select(x => x.DocumentKey).ToList(), a.Scores.Select(s => s.Score).ToList());
}
