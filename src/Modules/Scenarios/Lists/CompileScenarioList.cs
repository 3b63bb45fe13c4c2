using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Policy.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Funeng.Scenarios.Taxonomy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Lists;

/// <summary>A quota asked for: a sector (null for all sectors), a region (default the list's), and a figure only where the pack has none.</summary>
internal sealed record QuotaRequest(string? Sector, string? Scope = null, int? Target = null);

internal sealed record CreateListRequest(string? TitleZh, string? TitleEn, int Year, string? Scope, IReadOnlyList<QuotaRequest>? Quotas);

/// <summary>
/// Office or city staff compile a list (<c>POST /api/v1/scenario-lists</c>) and publish it
/// (<c>POST /api/v1/scenario-lists/{id}/publish</c>). A quota's figure is read from the policy pack whenever the
/// pack has a target for its indicator, scope and year; only quotas the pack says nothing about take a figure by hand.
/// </summary>
internal sealed class CompileScenarioList(ScenariosDb db, IAuditLog audit, ScenarioAccess access, IPolicyQueries policy, TimeProvider clock, UiText text)
{
    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> CreateAsync(CreateListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.TitleZh) || request.TitleZh.Length > 200)
        {
            errors["titleZh"] = [text["scenarios.problem.list-title-zh"]];
        }

        if (string.IsNullOrWhiteSpace(request.TitleEn) || request.TitleEn.Length > 200)
        {
            errors["titleEn"] = [text["scenarios.problem.list-title-en"]];
        }

        if (request.Year is < 2020 or > 2100)
        {
            errors["year"] = [text["scenarios.problem.list-year"]];
        }

        if (request.Scope is null || !GuangdongCities.IsValidScope(request.Scope))
        {
            errors["scope"] = [text.Format("scenarios.problem.list-scope", request.Scope)];
            return (null, errors);
        }

        await access.DemandReviewerAsync(request.Scope, cancellationToken);
        var quotas = new List<ListQuota>();
        foreach (var (quota, i) in (request.Quotas ?? []).Select((q, i) => (q, i)))
        {
            var built = await BuildQuotaAsync(quota, request, $"quotas[{i}]", errors, cancellationToken);
            if (built is not null)
            {
                quotas.Add(built);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var list = new ScenarioList
        {
            Id = Guid.NewGuid(),
            TitleZh = request.TitleZh!.Trim(),
            TitleEn = request.TitleEn!.Trim(),
            Year = request.Year,
            Scope = request.Scope,
            CreatedByOrganisationId = access.Actor.OrganisationId ?? Guid.Empty,
            CreatedAt = clock.GetUtcNow(),
            Quotas = quotas,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Lists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.list.created", "scenario-list", list.Id.ToString(),
            ProblemMessage.Of("scenarios.audit.list-created", LocalizedText.Of(list.TitleZh, list.TitleEn), list.Year, GuangdongCities.ScopeName(list.Scope),
                quotas.Select(q => ProblemMessage.Of("scenarios.audit.list-quota", ScenarioSectors.NameOf(q.Sector), GuangdongCities.ScopeName(q.Scope), q.Target)).ToList())), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (list.Id, errors);
    }

    public async Task PublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var list = await db.Lists.FindAsync([id], cancellationToken) ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-list", id), "id", 404);
        await access.DemandReviewerAsync(list.Scope, cancellationToken);
        if (list.PublishedAt is not null)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.list-already-published"), "id");
        }

        list.PublishedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.list.published", "scenario-list", list.Id.ToString(), ProblemMessage.Of("scenarios.audit.list", LocalizedText.Of(list.TitleZh, list.TitleEn), list.Year)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ListQuota?> BuildQuotaAsync(QuotaRequest quota, CreateListRequest request, string field, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (quota.Sector is not null && ScenarioSectors.Find(quota.Sector) is null)
        {
            errors[field + ".sector"] = [text.Format("scenarios.problem.quota-sector", quota.Sector)];
            return null;
        }

        var scope = quota.Scope ?? request.Scope!;
        if (!GuangdongCities.IsValidScope(scope) || (request.Scope != GuangdongCities.ProvinceScope && scope != request.Scope))
        {
            errors[field + ".scope"] = [text.Format("scenarios.problem.quota-scope", scope, request.Scope)];
            return null;
        }

        var indicator = quota.Sector is null ? ScenarioSectors.AllScenariosIndicator : ScenarioSectors.Find(quota.Sector)!.Indicator;
        var target = indicator is null ? null : ListRules.TargetFor(
            await policy.ListTargetsAsync(new TargetFilter(Scope: scope, Indicator: indicator), cancellationToken), request.Year);
        if (target is not null)
        {
            if (quota.Target is { } given && given != (int)target.Value)
            {
                errors[field + ".target"] = [text.Format("scenarios.problem.quota-from-pack", target.Id, target.Value)];
                return null;
            }

            return new ListQuota { Id = Guid.NewGuid(), Sector = quota.Sector, Scope = scope, Target = (int)target.Value, PolicyTargetId = target.Id };
        }

        if (quota.Target is not > 0)
        {
            errors[field + ".target"] = [text.Format("scenarios.problem.quota-by-hand", indicator ?? quota.Sector, scope)];
            return null;
        }

        return new ListQuota { Id = Guid.NewGuid(), Sector = quota.Sector, Scope = scope, Target = quota.Target.Value };
    }

    public static async Task<Results<Created<ScenarioListView>, ValidationProblem>> HandleCreateAsync(CreateListRequest request, CompileScenarioList compile, GetScenarioLists get, CancellationToken cancellationToken)
    {
        var (id, errors) = await compile.CreateAsync(request, cancellationToken);
        return id is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/scenario-lists/{id}", (await get.FindAsync(id.Value, cancellationToken))!);
    }

    public static async Task<Ok<ScenarioListView>> HandlePublishAsync(Guid id, CompileScenarioList compile, GetScenarioLists get, CancellationToken cancellationToken)
    {
        await compile.PublishAsync(id, cancellationToken);
        return TypedResults.Ok((await get.FindAsync(id, cancellationToken))!);
    }
}

/// <summary><c>GET /api/v1/scenario-lists</c> and <c>/{id}</c>: published lists for everyone, drafts for their reviewers.</summary>
internal sealed class GetScenarioLists(ScenariosDb db, ScenarioAccess access, IPolicyQueries policy)
{
    public async Task<ScenarioListView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var list = await db.Lists.AsNoTracking().Include(l => l.Quotas).Include(l => l.Entries).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return list is null || (list.PublishedAt is null && !await access.CanReviewScopeAsync(list.Scope, cancellationToken))
            ? null
            : await ViewAsync(list, await TargetsAsync(cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<ScenarioListView>> ListAsync(CancellationToken cancellationToken)
    {
        var lists = await db.Lists.AsNoTracking().Include(l => l.Quotas).Include(l => l.Entries)
            .OrderByDescending(l => l.Year).ThenBy(l => l.TitleZh).ToListAsync(cancellationToken);
        var views = new List<ScenarioListView>();
        var targets = await TargetsAsync(cancellationToken);
        foreach (var list in lists)
        {
            if (list.PublishedAt is not null || await access.CanReviewScopeAsync(list.Scope, cancellationToken))
            {
                views.Add(await ViewAsync(list, targets, cancellationToken));
            }
        }

        return views;
    }

    private async Task<IReadOnlyDictionary<string, PolicyTarget>> TargetsAsync(CancellationToken cancellationToken) =>
        (await policy.ListTargetsAsync(new TargetFilter(), cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    private async Task<ScenarioListView> ViewAsync(ScenarioList list, IReadOnlyDictionary<string, PolicyTarget> targets, CancellationToken cancellationToken)
    {
        var ids = list.Entries.Select(e => e.ScenarioId).ToList();
        var posts = await db.Scenarios.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Title).ToListAsync(cancellationToken);
        return ScenarioListView.From(list, posts, targets);
    }

    public static async Task<Ok<IReadOnlyList<ScenarioListView>>> HandleListAsync(GetScenarioLists get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.ListAsync(cancellationToken));

    public static async Task<Ok<ScenarioListView>> HandleFindAsync(Guid id, GetScenarioLists get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.FindAsync(id, cancellationToken) ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-list", id), "id", 404));
}
