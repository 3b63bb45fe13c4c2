using Funeng.Catalog.Contracts;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>
/// An interest or invitation as the API and pages show it. <c>Reach</c>, for a new invitation only: whether the
/// supplier's users were notified, or (no account yet) its contact was emailed, or nobody could be reached.
/// </summary>
internal sealed record ApproachView(Guid Id, Guid ScenarioId, string ScenarioTitle, Guid SupplierOrganisationId, string SupplierNameZh,
    ApproachKind Kind, ApproachStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, OrganisationReachKind? Reach = null);

/// <summary>
/// Interest (supplier → scenario) and invitations (owner → supplier) as records: sent once, answered by the other
/// side, each change audited in its transaction and notified to the other side after commit.
/// </summary>
internal sealed class ApproachCommands(ScenariosDb db, GetScenarios scenarios, ICatalogQueries catalog, IOrganisationDirectory directory,
    IAuditLog audit, INotifier notifier, IActor actor, TimeProvider clock)
{
    public async Task<ApproachView> ExpressInterestAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var scenario = await PublishedAsync(scenarioId, ApproachKind.Interest, cancellationToken);
        if (!actor.IsInRole(Roles.Enterprise) || actor.OrganisationId is not { } organisation)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-enterprises-express-interest-scenario"), null, 403);
        }

        var approach = await OpenAsync(scenario, organisation, ApproachKind.Interest, cancellationToken);
        var interested = ProblemMessage.Of("scenarios.notify.approach.interest", approach.SupplierNameZh, scenario.Title);
        await notifier.NotifyOrganisationAsync(scenario.OwnerOrganisationId, interested, $"/scenarios/{scenarioId}", cancellationToken);
        return View(approach, scenario.Title);
    }

    public async Task<ApproachView> InviteAsync(Guid scenarioId, Guid supplier, CancellationToken cancellationToken)
    {
        var scenario = await PublishedAsync(scenarioId, ApproachKind.Invitation, cancellationToken);
        if (!actor.BelongsTo(scenario.OwnerOrganisationId))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-owning-organisation-invites-suppliers"), null, 403);
        }

        if (supplier == scenario.OwnerOrganisationId || await catalog.FindOrganisationAsync(supplier, cancellationToken) is null)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-catalog-profile", supplier), "organisationId", 422);
        }

        var approach = await OpenAsync(scenario, supplier, ApproachKind.Invitation, cancellationToken);
        // A supplier known only from the catalog (imported filings) has no users: the invitation goes to its contact
        // address instead, and the owner is told which way it went.
        var invited = ProblemMessage.Of("scenarios.notify.approach.invitation", scenario.Title);
        var reach = await notifier.ReachOrganisationAsync(supplier, await catalog.FindContactEmailAsync(supplier, cancellationToken),
            invited, "/scenarios/approaches", cancellationToken);
        return View(approach, scenario.Title) with { Reach = reach.How };
    }

    public async Task<ApproachView> DecideAsync(Guid approachId, ApproachDecision decision, CancellationToken cancellationToken)
    {
        var approach = await db.Approaches.FirstOrDefaultAsync(a => a.Id == approachId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-approach", approachId), null, 404);
        var scenario = await db.Scenarios.AsNoTracking().FirstAsync(s => s.Id == approach.ScenarioId, cancellationToken);
        ApproachSide? side = actor.BelongsTo(scenario.OwnerOrganisationId) ? ApproachSide.Owner
            : actor.BelongsTo(approach.SupplierOrganisationId) ? ApproachSide.Supplier : null;
        approach.Status = ApproachRules.Decide(approach.Kind, approach.Status, decision,
            side ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-scenario-s-owner-supplier"), null, 403));
        approach.DecidedAt = clock.GetUtcNow();
        approach.DecidedByUserId = actor.UserId;
        await SaveAuditedAsync(approach, $"scenarios.{ApproachRules.Word(approach.Kind)}.{approach.Status.ToString().ToLowerInvariant()}", cancellationToken);
        var message = ProblemMessage.Of("scenarios.notify.approach.answered", scenario.Title, ApproachRules.Label(approach.Kind),
            ProblemMessage.Of("scenarios.approaches.status." + approach.Status.ToString().ToLowerInvariant()));
        if (side == ApproachSide.Owner)
        {
            await notifier.NotifyOrganisationAsync(approach.SupplierOrganisationId, message, "/scenarios/approaches", cancellationToken);
        }
        else
        {
            await notifier.NotifyOrganisationAsync(scenario.OwnerOrganisationId, message, $"/scenarios/{scenario.Id}", cancellationToken);
        }

        return View(approach, scenario.Title);
    }

    /// <summary>The owner and office see every approach of a scenario; a supplier only its own.</summary>
    public async Task<IReadOnlyList<ApproachView>> ForScenarioAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.FindAsync(scenarioId, cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        var all = actor.BelongsTo(scenario.OwnerOrganisationId) || actor.IsInRole(Roles.OfficeStaff);
        var organisation = actor.OrganisationId ?? Guid.Empty;
        var approaches = await db.Approaches.AsNoTracking().Where(a => a.ScenarioId == scenarioId && (all || a.SupplierOrganisationId == organisation))
            .OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
        return [.. approaches.Select(a => View(a, scenario.Title))];
    }

    /// <summary>The interests the user's organisation sent and the invitations it received.</summary>
    public async Task<IReadOnlyList<ApproachView>> MineAsync(CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.sign-member-organisation"), null, 401);
        var rows = await db.Approaches.AsNoTracking().Where(a => a.SupplierOrganisationId == organisation).OrderByDescending(a => a.CreatedAt).Take(500)
            .Join(db.Scenarios, a => a.ScenarioId, s => s.Id, (a, s) => new { Approach = a, s.Title }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => View(r.Approach, r.Title))];
    }

    private async Task<ScenarioView> PublishedAsync(Guid scenarioId, ApproachKind kind, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.FindAsync(scenarioId, cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        return scenario.Status == ScenarioStatus.Published ? scenario
            : throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.approach-only-published", ApproachRules.Label(kind)), "status");
    }

    /// <summary>
    /// Sends an approach once; a withdrawn one may be sent again, anything else is a duplicate. Races end in one
    /// winner: a new approach meets the unique index, a re-sent one a conditional update.
    /// </summary>
    private async Task<Approach> OpenAsync(ScenarioView scenario, Guid supplier, ApproachKind kind, CancellationToken cancellationToken)
    {
        var approach = await db.Approaches.FirstOrDefaultAsync(a => a.ScenarioId == scenario.Id && a.SupplierOrganisationId == supplier && a.Kind == kind, cancellationToken);
        var (now, by) = (clock.GetUtcNow(), actor.UserId ?? Actor.SystemName);
        if (approach is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reopened = await db.Approaches.Where(a => a.Id == approach.Id && a.Status == ApproachStatus.Withdrawn).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Status, ApproachStatus.Open).SetProperty(a => a.CreatedAt, now).SetProperty(a => a.CreatedByUserId, by)
                .SetProperty(a => a.DecidedAt, (DateTimeOffset?)null).SetProperty(a => a.DecidedByUserId, (string?)null), cancellationToken);
            if (reopened == 0)
            {
                throw Duplicate(kind, approach.Status == ApproachStatus.Withdrawn ? ApproachStatus.Open : approach.Status);
            }

            await audit.AppendAsync(Event($"scenarios.{ApproachRules.Word(kind)}.sent", approach), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            (approach.Status, approach.CreatedAt, approach.DecidedAt) = (ApproachStatus.Open, now, null);
            return approach;
        }

        var name = (await directory.FindAsync(supplier, cancellationToken))?.NameZh ?? (await catalog.FindOrganisationAsync(supplier, cancellationToken))?.LegalNameZh;
        approach = new Approach
        {
            Id = Guid.NewGuid(), ScenarioId = scenario.Id, SupplierOrganisationId = supplier, SupplierNameZh = name ?? supplier.ToString(),
            Kind = kind, Status = ApproachStatus.Open, CreatedAt = now, CreatedByUserId = by,
        };
        db.Approaches.Add(approach);
        try
        {
            await SaveAuditedAsync(approach, $"scenarios.{ApproachRules.Word(kind)}.sent", cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index (scenario, supplier, kind): a concurrent request sent the same approach first.
            throw Duplicate(kind, ApproachStatus.Open);
        }

        return approach;
    }

    private async Task SaveAuditedAsync(Approach approach, string action, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(Event(action, approach), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static AuditEvent Event(string action, Approach approach) => new(action, "scenario", approach.ScenarioId.ToString(),
        ProblemMessage.Of("scenarios.audit.approach", approach.SupplierOrganisationId.ToString(), approach.Id.ToString()));

    private static DomainRuleException Duplicate(ApproachKind kind, ApproachStatus status) =>
        new(ProblemMessage.Of("scenarios.refusal.approach-already-sent", ApproachRules.Label(kind), ProblemMessage.Of("scenarios.approaches.status." + status.ToString().ToLowerInvariant())), "status");

    private static ApproachView View(Approach a, string title) =>
        new(a.Id, a.ScenarioId, title, a.SupplierOrganisationId, a.SupplierNameZh, a.Kind, a.Status, a.CreatedAt, a.DecidedAt);
}
