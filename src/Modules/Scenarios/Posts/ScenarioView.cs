using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;

namespace Funeng.Scenarios.Posts;

/// <summary>
/// A scenario as the API returns it. Budgets are yuan. The contact person and detail are personal data: only
/// signed-in users see them (as with organisation contacts in Catalog); anonymous readers get nulls.
/// </summary>
internal sealed record ScenarioView(
    Guid Id,
    string Title,
    string Problem,
    string ExpectedOutcome,
    string Sector,
    LocalizedText SectorName,
    string City,
    LocalizedText CityName,
    string District,
    string DataAvailable,
    decimal? BudgetMin,
    decimal? BudgetMax,
    DateOnly? Deadline,
    string? ContactName,
    string? ContactDetail,
    ScenarioStatus Status,
    string? ReturnReason,
    Guid OwnerOrganisationId,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<ScenarioAction> AvailableActions)
{
    public static ScenarioView From(ScenarioPost p, IReadOnlyList<ScenarioAction> actions, bool withContacts) => new(
        p.Id, p.Title, p.Problem, p.ExpectedOutcome, p.Sector, Sectors.NameOf(p.Sector), p.CitySlug,
        GuangdongCities.Find(p.CitySlug)?.Name ?? new LocalizedText(p.CitySlug, p.CitySlug), p.District, p.DataAvailable,
        p.BudgetMin, p.BudgetMax, p.Deadline, withContacts ? p.ContactName : null, withContacts ? p.ContactDetail : null, p.Status, p.ReturnReason,
        p.OwnerOrganisationId, p.PublishedAt, actions);
}
