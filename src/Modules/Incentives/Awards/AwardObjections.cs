using Funeng.Incentives.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

internal sealed record AwardObjectionRequest(string? Text);

internal sealed record ResolveAwardObjectionRequest(bool Upheld, string? Resolution);

/// <summary>
/// Objections to an award during its public notice (<c>POST /api/v1/incentives/awards/{id}/objections</c>, anyone
/// signed in) and the office's resolution (<c>…/objections/{objectionId}/resolve</c>): dismissed, the award goes on
/// to final when its notice ends; upheld, it is clawed back through the ledger (<see cref="SettleAward"/>).
/// </summary>
internal sealed class AwardObjections(IncentivesDb db, IAuditLog audit, IActor actor, TimeProvider clock, SettleAward settle)
{
    public async Task<Guid> ObjectAsync(Guid awardId, string? text, CancellationToken cancellationToken)
    {
        if (actor.UserId is null)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-sign-in"), null, 403);
        }

        var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.Id == awardId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-award"), "id", 404);
        var now = clock.GetUtcNow();
        var open = await db.AwardObjections.AnyAsync(o => o.AwardId == awardId && o.ResolvedAt == null, cancellationToken);
        AwardNotice.CheckObjection(AwardNotice.Stage(award.Status, award.NoticeEndsAt, open, now), award.NoticeEndsAt, now, text);
        var objection = new AwardObjection { Id = Guid.NewGuid(), AwardId = awardId, FiledByUserId = actor.UserId, FiledByOrganisationId = actor.OrganisationId, Text = text!.Trim(), FiledAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AwardObjections.Add(objection);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.award.objection-filed", "award", awardId.ToString(),
            ProblemMessage.Of("incentives.audit.objection-filed", objection.Id.ToString(), objection.Text)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return objection.Id;
    }

    public async Task ResolveAsync(Guid awardId, Guid objectionId, ResolveAwardObjectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-office-resolves"), null, 403);
        }

        var objection = await db.AwardObjections.SingleOrDefaultAsync(o => o.Id == objectionId && o.AwardId == awardId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-not-found"), "objectionId", 404);
        AwardNotice.CheckResolution(objection, request.Resolution);
        // Upheld: the award is withdrawn first (its own transaction under the program's lock), so an objection is
        // never marked upheld while the award still stands.
        if (request.Upheld)
        {
            await settle.MoveAsync(awardId, AwardStatus.ClawedBack, ProblemMessage.Of("incentives.ledger.reason.objection-upheld", request.Resolution!.Trim()), cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        objection.Upheld = request.Upheld;
        objection.Resolution = request.Resolution!.Trim();
        objection.ResolvedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.award.objection-resolved", "award", awardId.ToString(),
            ProblemMessage.Of(request.Upheld ? "incentives.audit.objection-upheld" : "incentives.audit.objection-dismissed", objectionId.ToString(), objection.Resolution)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<Created<AwardRegisterEntry>> HandleObjectAsync(Guid id, AwardObjectionRequest request, AwardObjections objections, AwardRegister register, CancellationToken cancellationToken)
    {
        await objections.ObjectAsync(id, request?.Text, cancellationToken);
        return TypedResults.Created($"/api/v1/incentives/register/{id}", await register.GetAsync(id, cancellationToken));
    }

    public static async Task<Ok<AwardRegisterEntry>> HandleResolveAsync(Guid id, Guid objectionId, ResolveAwardObjectionRequest request, AwardObjections objections, AwardRegister register, CancellationToken cancellationToken)
    {
        await objections.ResolveAsync(id, objectionId, request, cancellationToken);
        return TypedResults.Ok(await register.GetAsync(id, cancellationToken));
    }
}
