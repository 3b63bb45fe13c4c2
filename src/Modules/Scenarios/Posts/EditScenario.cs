using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Scenarios.Posts;

/// <summary>Creating a draft (<c>POST /api/v1/scenarios</c>) and editing it (<c>PUT /api/v1/scenarios/{id}</c>).</summary>
internal sealed class EditScenario(ScenariosDb db, IAuditLog audit, ScenarioAccess access, TimeProvider clock, UiText text)
{
    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> CreateAsync(ScenarioInput input, CancellationToken cancellationToken)
    {
        var actor = access.Actor;
        if (!actor.IsInRole(Roles.ScenarioOwner) || actor.OrganisationId is not { } organisation)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-scenario-owners-organisation-post"), null, 403);
        }

        var now = clock.GetUtcNow();
        var errors = input.Validate(ChinaTime.DateOf(now), text);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var post = new ScenarioPost
        {
            Id = Guid.NewGuid(),
            OwnerOrganisationId = organisation,
            CreatedByUserId = actor.UserId!,
            Status = ScenarioStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(post);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Scenarios.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.scenario.created", "scenario", post.Id.ToString(), ProblemMessage.Of("scenarios.audit.scenario-created", post.Title, ScenarioSectors.NameOf(post.Sector), GuangdongCities.Find(post.CitySlug)?.Name ?? new LocalizedText(post.CitySlug, post.CitySlug))), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (post.Id, errors);
    }

    public async Task<Dictionary<string, string[]>> UpdateAsync(Guid id, ScenarioInput input, CancellationToken cancellationToken)
    {
        var post = await db.Scenarios.FindAsync([id], cancellationToken) ?? throw NotFound(id);
        if (!access.Actor.BelongsTo(post.OwnerOrganisationId))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-owning-organisation-edits-scenario"), null, 403);
        }

        if (post.Status is not (ScenarioStatus.Draft or ScenarioStatus.Returned))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.scenario-not-editable", ProblemMessage.Of("scenarios.status." + ScenarioLifecycle.Word(post.Status))), "status");
        }

        var now = clock.GetUtcNow();
        var errors = input.Validate(ChinaTime.DateOf(now), text);
        if (errors.Count > 0)
        {
            return errors;
        }

        input.ApplyTo(post);
        post.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.scenario.edited", "scenario", post.Id.ToString(), ProblemMessage.Of("scenarios.audit.scenario", post.Title)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    /// <summary>The post as its edit form shows it; null when there is none or it is not the actor's organisation's.</summary>
    public async Task<ScenarioInput?> FormAsync(Guid id, CancellationToken cancellationToken)
    {
        var post = await db.Scenarios.FindAsync([id], cancellationToken);
        return post is null || !access.Actor.BelongsTo(post.OwnerOrganisationId) ? null : ScenarioInput.From(post);
    }

    public static DomainRuleException NotFound(Guid id) => new(ProblemMessage.Of("scenarios.refusal.no-scenario", id), "id", 404);

    public static async Task<Results<Created<ScenarioView>, ValidationProblem>> HandleCreateAsync(ScenarioInput input, EditScenario edit, GetScenarios get, CancellationToken cancellationToken)
    {
        var (id, errors) = await edit.CreateAsync(input, cancellationToken);
        return id is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/scenarios/{id}", (await get.FindAsync(id.Value, cancellationToken))!);
    }

    public static async Task<Results<Ok<ScenarioView>, ValidationProblem>> HandleUpdateAsync(Guid id, ScenarioInput input, EditScenario edit, GetScenarios get, CancellationToken cancellationToken)
    {
        var errors = await edit.UpdateAsync(id, input, cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok((await get.FindAsync(id, cancellationToken))!);
    }
}
