using Funeng.Catalog.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>Which awards the register shows; every part is optional.</summary>
internal sealed record RegisterFilter(string? Program = null, string? City = null, int? Year = null, Guid? Award = null);

internal sealed record RegisterObjection(Guid Id, string Text, DateTimeOffset FiledAt, bool? Upheld, string? Resolution, DateTimeOffset? ResolvedAt);

/// <summary>
/// One award as the public sees it. <paramref name="Stage"/> is <c>in_notice</c>, <c>held</c> (an objection is
/// open), <c>final</c> or <c>withdrawn</c> (clawed back); <paramref name="NoticeEnds"/> is in China Standard Time.
/// </summary>
internal sealed record AwardRegisterEntry(
    Guid Id, string ProgramId, string ProgramNameZh, string ProgramNameEn, string DocumentId, string Measure, string Basis,
    string RecipientName, Guid RecipientOrganisationId, string? RecipientCreditCode, string? City, int Year, decimal Amount, string Currency, DateOnly AwardDate,
    string Kind, string Stage, DateTimeOffset NoticeEndsAt, string NoticeEnds, string FundingOrgZh, string FundingOrgEn,
    decimal AmountClawedBack, IReadOnlyList<RegisterObjection> Objections);

/// <summary>
/// The public awards register: every award of every program (application, challenge result, benchmark
/// designation) with its notice stage, the recipient's credit code from Catalog's organisation profile and the
/// funding body from the program's policy document; as a page, JSON under <c>/api/v1/incentives/register</c> and a
/// 360Giving-shaped CSV (<see cref="GivingCsv"/>).
/// </summary>
internal sealed class AwardRegister(IncentivesDb db, ProgramCatalog catalog, ICatalogQueries organisations, IPolicyQueries policy, TimeProvider clock)
{
    public const string Currency = "CNY";

    public async Task<IReadOnlyList<AwardRegisterEntry>> ListAsync(RegisterFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Awards.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Program))
        {
            query = query.Where(a => a.ProgramId == filter.Program);
        }

        if (!string.IsNullOrWhiteSpace(filter.City))
        {
            query = query.Where(a => a.CitySlug == filter.City);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(a => a.Year == year);
        }

        if (filter.Award is { } award)
        {
            query = query.Where(a => a.Id == award);
        }

        var awards = (await query.ToListAsync(cancellationToken)).OrderByDescending(a => a.DecidedAt).ToList();
        var ids = awards.ConvertAll(a => a.Id);
        var objections = (await db.AwardObjections.AsNoTracking().Where(o => ids.Contains(o.AwardId)).ToListAsync(cancellationToken))
            .OrderBy(o => o.FiledAt).ToLookup(o => o.AwardId);
        var profiles = await organisations.FindOrganisationsAsync(awards.Select(a => a.OrganisationId).Distinct().ToList(), cancellationToken);
        var issuers = (await policy.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Issuer, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        return awards.ConvertAll(a =>
        {
            var program = catalog.Programs.FirstOrDefault(p => p.Id == a.ProgramId);
            var issuer = program is null ? null : issuers.GetValueOrDefault(program.DocumentId);
            var own = objections[a.Id].ToList();
            var stage = AwardNotice.Stage(a.Status, a.NoticeEndsAt, own.Any(o => o.ResolvedAt is null), now);
            return new AwardRegisterEntry(a.Id, a.ProgramId, program?.Name.Zh ?? a.ProgramId, program?.Name.En ?? a.ProgramId, program?.DocumentId ?? "",
                program?.Measure ?? "", a.Basis, a.RecipientName, a.OrganisationId, profiles.GetValueOrDefault(a.OrganisationId)?.CreditCode, a.CitySlug, a.Year, a.Amount, Currency,
                ChinaTime.DateOf(a.DecidedAt), a.Kind.ToString().ToLowerInvariant(), AwardNotice.Word(stage), a.NoticeEndsAt,
                ChinaTime.Format(a.NoticeEndsAt), issuer?.Zh ?? "", issuer?.En ?? "", a.Status == AwardStatus.ClawedBack ? a.Amount : 0m,
                own.ConvertAll(o => new RegisterObjection(o.Id, o.Text, o.FiledAt, o.Upheld, o.Resolution, o.ResolvedAt)));
        });
    }

    public async Task<AwardRegisterEntry> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await ListAsync(new RegisterFilter(Award: id), cancellationToken)).SingleOrDefault()
        ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-award"), "id", 404);

    /// <summary>The cities and years awards exist for, for the page's filters.</summary>
    public async Task<(IReadOnlyList<string> Cities, IReadOnlyList<int> Years)> FacetsAsync(CancellationToken cancellationToken)
    {
        var cities = await db.Awards.AsNoTracking().Where(a => a.CitySlug != null).Select(a => a.CitySlug!).Distinct().ToListAsync(cancellationToken);
        var years = await db.Awards.AsNoTracking().Select(a => a.Year).Distinct().ToListAsync(cancellationToken);
        return (cities.Where(c => GuangdongCities.Find(c) is not null).Order(StringComparer.Ordinal).ToList(), years.OrderDescending().ToList());
    }

    public static async Task<Ok<IReadOnlyList<AwardRegisterEntry>>> HandleListAsync(string? program, string? city, int? year, AwardRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.ListAsync(new RegisterFilter(program, city, year), cancellationToken));

    public static async Task<Ok<AwardRegisterEntry>> HandleGetAsync(Guid id, AwardRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.GetAsync(id, cancellationToken));

    public static async Task<FileContentHttpResult> HandleCsvAsync(string? program, string? city, int? year, AwardRegister register, CancellationToken cancellationToken) =>
        TypedResults.File(GivingCsv.Write(await register.ListAsync(new RegisterFilter(program, city, year), cancellationToken)), "text/csv; charset=utf-8", "funeng-awards-360giving.csv");
}
