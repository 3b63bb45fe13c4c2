using Funeng.Catalog.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Profiles;

/// <summary>
/// The enterprise's facts, written once and reused by every eligibility check and every application: city, size,
/// sectors and qualifications from its catalog profile (<see cref="EnterpriseRecord"/>), the rest kept here. The
/// untrustworthy-entity flag is office staff's to set, and is merged in as a fact.
/// </summary>
internal sealed class EnterpriseProfiles(
    IncentivesDb db, ProgramCatalog catalog, ICatalogQueries enterpriseRecords, IOrganisationDirectory organisations, IAuditLog audit, IActor actor, TimeProvider clock)
{
    public sealed record ProfileView(Guid OrganisationId, string Name, string? City, bool Untrustworthy, FactValues Facts, DateTimeOffset? UpdatedAt);

    public sealed record ListingRequest(bool Listed, string? Reason);

    public static async Task<Ok<ProfileView>> GetAsync(EnterpriseProfiles profiles, IActor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await profiles.ViewAsync(Own(actor), cancellationToken));

    public static async Task<Ok<ProfileView>> PutAsync(FactValues facts, EnterpriseProfiles profiles, IActor actor, CancellationToken cancellationToken)
    {
        InvalidInputException.ThrowIfAny(profiles.Validate(facts));

        await profiles.SaveAsync(Own(actor), facts, cancellationToken);
        return TypedResults.Ok(await profiles.ViewAsync(Own(actor), cancellationToken));
    }

    public static async Task<Ok<ProfileView>> SetListingAsync(Guid organisationId, ListingRequest request, EnterpriseProfiles profiles, CancellationToken cancellationToken)
    {
        await profiles.SetUntrustworthyAsync(organisationId, request.Listed, request.Reason ?? "", cancellationToken);
        return TypedResults.Ok(await profiles.ViewAsync(organisationId, cancellationToken));
    }

    /// <summary>Problems by field (<c>facts.city</c>), empty when every value fits its fact.</summary>
    public List<FieldProblem> Validate(FactValues facts)
    {
        if (facts?.Values is null || facts.Qualifications is null)
        {
            // A body such as {} leaves both lists out; name what is missing rather than fail on it.
            return [FieldProblem.Of(facts?.Values is null ? "facts.values" : "facts.qualifications", "incentives.problem.required")];
        }

        catalog.Facts.Type(facts, out var errors);
        var problems = errors.Select(e => new FieldProblem("facts." + e.Key, e.Value)).ToList();
        if (facts.Values.ContainsKey(FactCatalog.UntrustworthyKey))
        {
            problems.Add(FieldProblem.Of("facts.untrustworthy", "incentives.problem.untrustworthy-is-office-s"));
        }

        return problems;
    }

    public async Task<ProfileView> ViewAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == organisationId, cancellationToken);
        var record = await enterpriseRecords.FindOrganisationAsync(organisationId, cancellationToken);
        if (profile is not null)
        {
            var facts = EnterpriseRecord.Merge(ProgramCatalog.ReadFacts(profile.FactsJson), record, catalog.Facts);
            return new ProfileView(organisationId, profile.Name, record?.CitySlug ?? profile.CitySlug, profile.Untrustworthy, facts, profile.UpdatedAt);
        }

        var organisation = await organisations.FindAsync(organisationId, cancellationToken);
        return new ProfileView(organisationId, organisation?.NameZh ?? "", record?.CitySlug ?? organisation?.CitySlug, false,
            EnterpriseRecord.Merge(FactValues.Empty, record, catalog.Facts), null);
    }

    /// <summary>The facts the rules read: the profile's, with the office's untrustworthy flag as a fact.</summary>
    public async Task<FactValues> FactsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var profile = await ViewAsync(organisationId, cancellationToken);
        return WithListing(profile.Facts, profile.Untrustworthy);
    }

    public static FactValues WithListing(FactValues facts, bool untrustworthy)
    {
        var values = new Dictionary<string, string>(facts.Values, StringComparer.Ordinal) { [FactCatalog.UntrustworthyKey] = untrustworthy ? "true" : "false" };
        return facts with { Values = values };
    }

    /// <summary>The facts the enterprise keeps with Incentives: neither those its catalog profile holds nor the office's flag.</summary>
    public IReadOnlyList<FactDefinition> KeptHere => [.. catalog.Facts.All.Where(f => !EnterpriseRecord.IsKeptOnRecord(f) && f.Key != FactCatalog.UntrustworthyKey)];

    /// <summary>What the signed-in enterprise wrote among <see cref="KeptHere"/>, as stored.</summary>
    public async Task<FactValues> OwnFactsAsync(CancellationToken cancellationToken)
    {
        var organisationId = Own(actor);
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == organisationId, cancellationToken);
        return profile is null ? FactValues.Empty : ProgramCatalog.ReadFacts(profile.FactsJson);
    }

    /// <summary>
    /// Replaces the signed-in enterprise's answers to the facts kept here (an empty field clears one) and leaves the
    /// rest as stored. Returns the problems by field (<c>facts.rd_spend</c>); nothing is saved when there are any.
    /// </summary>
    public async Task<List<FieldProblem>> UpdateOwnFactsAsync(FactValues posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var kept = KeptHere.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var stored = await OwnFactsAsync(cancellationToken);
        var values = stored.Values.Where(v => !kept.Contains(v.Key)).Concat(posted.Values.Where(v => kept.Contains(v.Key)))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var facts = new FactValues(values, stored.Qualifications);
        var problems = Validate(facts);
        if (problems.Count == 0)
        {
            await SaveAsync(Own(actor), facts, cancellationToken);
        }

        return problems;
    }

    public async Task<EnterpriseProfile> SaveAsync(Guid organisationId, FactValues facts, CancellationToken cancellationToken)
    {
        var profile = await LoadOrCreateAsync(organisationId, cancellationToken);
        var values = facts.Values.Where(v => v.Key != FactCatalog.UntrustworthyKey && !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim(), StringComparer.Ordinal);
        profile.FactsJson = ProgramCatalog.WriteFacts(new FactValues(values, facts.Qualifications));
        if (values.TryGetValue("city", out var city))
        {
            profile.CitySlug = city;
        }

        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    public async Task SetUntrustworthyAsync(Guid organisationId, bool listed, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var profile = await LoadOrCreateAsync(organisationId, cancellationToken);
        profile.Untrustworthy = listed;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(listed ? "incentives.untrustworthy.listed" : "incentives.untrustworthy.delisted", "organisation", organisationId.ToString(),
            ProblemMessage.Of(listed ? "incentives.audit.untrustworthy-listed" : "incentives.audit.untrustworthy-delisted", reason)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<EnterpriseProfile> LoadOrCreateAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.OrganisationId == organisationId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }

        var organisation = await organisations.FindAsync(organisationId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-organisation"), "organisationId", 404);
        profile = new EnterpriseProfile { OrganisationId = organisationId, Name = organisation.NameZh, CitySlug = organisation.CitySlug, UpdatedAt = clock.GetUtcNow() };
        db.Profiles.Add(profile);
        return profile;
    }

    internal static Guid Own(IActor actor) =>
        actor.OrganisationId ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.only-member-organisation-keeps-profile"), null, 403);
}
