using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Incentives.Profiles;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Incentives.Eligibility;

/// <summary>
/// The eligibility calculator: for a registered enterprise (its profile, and what it has been awarded this year)
/// or for facts typed into a form, every program with its outcome, maximum amount and the trace that explains it.
/// </summary>
internal sealed class CheckEligibility(IncentivesDb db, ProgramCatalog catalog, EnterpriseProfiles profiles, IActor actor, TimeProvider clock)
{
    public sealed record Request(Guid? OrganisationId, FactValues? Facts, DateOnly? Date);

    public sealed record Response(DateOnly Date, Guid? OrganisationId, IReadOnlyList<ProgramVerdict> Programs);

    public static async Task<Ok<Response>> HandleAsync(Request request, CheckEligibility check, CancellationToken cancellationToken)
    {
        if (request.Facts is { } facts)
        {
            InvalidInputException.ThrowIfAny(check.Validate(facts));
        }

        var organisationId = request.OrganisationId ?? (request.Facts is null ? check.OwnOrganisation : null);
        if (organisationId is null && request.Facts is null)
        {
            throw InvalidInputException.For("facts", "incentives.problem.facts-or-organisation");
        }

        var date = request.Date ?? check.Today;
        var verdicts = organisationId is { } id
            ? await check.ForEnterpriseAsync(id, date, cancellationToken)
            : await check.ForFactsAsync(request.Facts!, date, cancellationToken);
        return TypedResults.Ok(new Response(date, organisationId, verdicts));
    }

    public Guid? OwnOrganisation => actor.OrganisationId;

    public List<FieldProblem> Validate(FactValues facts)
    {
        catalog.Facts.Type(facts, out var errors);
        return [.. errors.Select(e => new FieldProblem("facts." + e.Key, e.Value))];
    }

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IReadOnlyList<ProgramVerdict>> ForFactsAsync(FactValues written, DateOnly date, CancellationToken cancellationToken)
    {
        var facts = catalog.Facts.Type(written, out _);
        var timelines = await db.TimelinesAsync(catalog.Programs, cancellationToken);
        return catalog.Programs.Select(p => EligibilityEngine.Evaluate(p, timelines[p.Id], facts, date, catalog: catalog.Facts)).ToList();
    }

    public async Task<IReadOnlyList<ProgramVerdict>> ForEnterpriseAsync(Guid organisationId, DateOnly date, CancellationToken cancellationToken)
    {
        if (!actor.BelongsTo(organisationId) && !actor.IsInRole(Roles.OfficeStaff) && !actor.IsInRole(Roles.CityStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.only-enterprise-itself-office-staff"), "organisationId", 403);
        }

        var facts = catalog.Facts.Type(await profiles.FactsAsync(organisationId, cancellationToken), out _);
        var timelines = await db.TimelinesAsync(catalog.Programs, cancellationToken);
        var verdicts = new List<ProgramVerdict>();
        foreach (var program in catalog.Programs)
        {
            var history = await db.HistoryAsync(program.Id, organisationId, date.Year, cancellationToken);
            verdicts.Add(EligibilityEngine.Evaluate(program, timelines[program.Id], facts, date, history, catalog: catalog.Facts));
        }

        return verdicts;
    }
}
