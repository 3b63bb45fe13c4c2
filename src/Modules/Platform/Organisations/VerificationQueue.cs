using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Organisations;

/// <summary>A self-registered organisation as the office verifies it: who registered, and what was decided.</summary>
internal sealed record RegisteredOrganisation(
    Guid Id, string NameZh, string NameEn, OrganisationKind Kind, string? CreditCode, string? ContactName, string? ContactEmail, string? ContactPhone,
    DateTimeOffset CreatedAt, OrganisationStatus Status, DateTimeOffset? VerifiedAt, string? VerificationEvidence);

/// <summary>Self-registered organisations: those waiting for 实名核验 (oldest first) and those decided (latest first).</summary>
internal sealed class VerificationQueue(PlatformDb db)
{
    public async Task<(IReadOnlyList<RegisteredOrganisation> Waiting, IReadOnlyList<RegisteredOrganisation> Decided)> ReadAsync(CancellationToken cancellationToken)
    {
        var registered = await db.Organisations.AsNoTracking().Where(o => o.CreditCode != null)
            .Select(o => new RegisteredOrganisation(o.Id, o.NameZh, o.NameEn, o.Kind, o.CreditCode, o.ContactName, o.ContactEmail, o.ContactPhone,
                o.CreatedAt, o.Status, o.VerifiedAt, o.VerificationEvidence))
            .ToListAsync(cancellationToken);
        return (
            registered.Where(o => o.Status == OrganisationStatus.AwaitingVerification).OrderBy(o => o.CreatedAt).ToList(),
            registered.Where(o => o.Status != OrganisationStatus.AwaitingVerification).OrderByDescending(o => o.VerifiedAt).ToList());
    }
}
