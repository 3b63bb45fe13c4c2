using System.Globalization;
using Funeng.Catalog.Data;
using Funeng.Catalog.Search;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Organisations;
using Funeng.Kernel.Security;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Organisations;

/// <summary>What a member of an organisation (or the office) sends to keep its profile.</summary>
internal sealed record ProfileInput(
    string? LegalNameZh, string? LegalNameEn, string? CreditCode, string? CitySlug, string? District, string? Size,
    IReadOnlyList<string>? Sectors, string? ContactName, string? ContactEmail, string? ContactPhone, string? Website,
    string? DescriptionZh, string? DescriptionEn);

/// <summary>What is sent to record a qualification.</summary>
internal sealed record QualificationInput(string? Kind, string? Issuer, string? CertificateNumber, DateOnly? ValidFrom, DateOnly? ValidTo, string? Evidence);

/// <summary>Organisation profiles and qualifications: validation, audited saves, and index updates after commit.</summary>
internal sealed class OrganisationProfiles(
    CatalogDb db, IOrganisationDirectory directory, IAuditLog audit, SearchIndexer indexer, IActor actor, TimeProvider clock)
{
    /// <summary>Problems by field; empty when the profile may be saved.</summary>
    public static List<FieldProblem> Validate(ProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(input.LegalNameZh))
        {
            errors.Add(FieldProblem.Of("legalNameZh", "catalog.problem.legal-name-zh"));
        }

        if (!string.IsNullOrWhiteSpace(input.CreditCode) && CreditCode.Problem(input.CreditCode.Trim().ToUpperInvariant()) is { } problem)
        {
            errors.Add(FieldProblem.Of("creditCode", "catalog.problem.credit-code", problem));
        }

        if (!string.IsNullOrWhiteSpace(input.CitySlug) && GuangdongCities.Find(input.CitySlug) is null)
        {
            errors.Add(FieldProblem.Of("citySlug", "catalog.problem.city", input.CitySlug));
        }

        if (!string.IsNullOrWhiteSpace(input.Size) && !OrganisationSizes.All.Contains(input.Size))
        {
            errors.Add(FieldProblem.Of("size", "catalog.problem.size", string.Join(", ", OrganisationSizes.All)));
        }

        if (input.Sectors?.FirstOrDefault(s => !Sectors.IsKnown(s)) is { } sector)
        {
            errors.Add(FieldProblem.Of("sectors", "catalog.problem.sectors-unknown", sector));
        }

        if (!string.IsNullOrWhiteSpace(input.ContactEmail) && !input.ContactEmail.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(FieldProblem.Of("contactEmail", "catalog.problem.email"));
        }

        return errors;
    }

    public static List<FieldProblem> Validate(QualificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldProblem>();
        if (input.Kind is null || !QualificationKinds.IsKnown(input.Kind))
        {
            errors.Add(FieldProblem.Of("kind", "catalog.problem.qualification-kind", string.Join(", ", QualificationKinds.All.Select(k => k.Key))));
        }

        if (string.IsNullOrWhiteSpace(input.Issuer))
        {
            errors.Add(FieldProblem.Of("issuer", "catalog.problem.qualification-issuer"));
        }

        if (input.ValidFrom is null)
        {
            errors.Add(FieldProblem.Of("validFrom", "catalog.problem.qualification-from"));
        }
        else if (input.ValidTo is { } to && to < input.ValidFrom)
        {
            errors.Add(FieldProblem.Of("validTo", "catalog.problem.qualification-to"));
        }

        if (string.IsNullOrWhiteSpace(input.Evidence))
        {
            errors.Add(FieldProblem.Of("evidence", "catalog.problem.qualification-evidence"));
        }

        return errors;
    }

    /// <summary>Creates a minimal profile from the Platform's directory when the organisation has none yet.</summary>
    public async Task<OrganisationRecord> EnsureAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var existing = await db.Organisations.Include(o => o.Qualifications).SingleOrDefaultAsync(o => o.OrganisationId == organisationId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var known = await directory.FindAsync(organisationId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.organisation-registered-platform"), "organisationId", 404);
        var profile = new OrganisationRecord
        {
            OrganisationId = organisationId,
            LegalNameZh = known.NameZh,
            LegalNameEn = known.NameEn,
            CitySlug = known.CitySlug,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Organisations.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    public async Task<OrganisationRecord> SaveAsync(Guid organisationId, ProfileInput input, CancellationToken cancellationToken)
    {
        RequireMemberOrOffice(organisationId);
        InvalidInputException.ThrowIfAny(Validate(input));

        var profile = await EnsureAsync(organisationId, cancellationToken);
        var code = string.IsNullOrWhiteSpace(input.CreditCode) ? null : input.CreditCode.Trim().ToUpperInvariant();
        if (code is not null && await db.Organisations.AnyAsync(o => o.CreditCode == code && o.OrganisationId != organisationId, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.another-organisation-already-has-credit"), "creditCode", 409);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            profile.LegalNameZh = input.LegalNameZh!.Trim();
            profile.LegalNameEn = input.LegalNameEn?.Trim() ?? "";
            profile.CreditCode = code;
            profile.CitySlug = Blank(input.CitySlug);
            profile.District = Blank(input.District);
            profile.Size = Blank(input.Size);
            profile.Sectors = [.. (input.Sectors ?? []).Distinct()];
            profile.ContactName = Blank(input.ContactName);
            profile.ContactEmail = Blank(input.ContactEmail);
            profile.ContactPhone = Blank(input.ContactPhone);
            profile.Website = Blank(input.Website);
            profile.DescriptionZh = Blank(input.DescriptionZh);
            profile.DescriptionEn = Blank(input.DescriptionEn);
            profile.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("catalog.organisation.updated", "catalog.organisation", organisationId.ToString(), ProblemMessage.Of("catalog.audit.organisation-updated", profile.LegalNameZh, profile.CreditCode)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await indexer.OrganisationsChangedAsync([organisationId], [], cancellationToken);
        return profile;
    }

    public async Task<QualificationRecord> AddQualificationAsync(Guid organisationId, QualificationInput input, CancellationToken cancellationToken)
    {
        RequireMemberOrOffice(organisationId);
        InvalidInputException.ThrowIfAny(Validate(input));

        var profile = await EnsureAsync(organisationId, cancellationToken);
        var qualification = new QualificationRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OrganisationId = organisationId,
            Kind = input.Kind!,
            Issuer = input.Issuer!.Trim(),
            CertificateNumber = Blank(input.CertificateNumber),
            ValidFrom = input.ValidFrom!.Value,
            ValidTo = input.ValidTo,
            Evidence = input.Evidence!.Trim(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Qualifications.Add(qualification);
            profile.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("catalog.qualification.added", "catalog.organisation", organisationId.ToString(), ProblemMessage.Of("catalog.audit.qualification-added", QualificationKinds.Name(qualification.Kind), qualification.Issuer, qualification.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), qualification.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—")), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await indexer.OrganisationsChangedAsync([organisationId], [], cancellationToken);
        return qualification;
    }

    private void RequireMemberOrOffice(Guid organisationId)
    {
        if (!actor.BelongsTo(organisationId) && !actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-members-organisation-office-staff"), "organisationId", 403);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
