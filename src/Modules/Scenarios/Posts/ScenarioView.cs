using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;

namespace Funeng.Scenarios.Posts;

/// <summary>
/// A scenario as the API returns it. Budgets are yuan. Who published it shows as <see cref="Attribution"/> allows:
/// the contact detail is personal data that only signed-in users see (as with organisation contacts in Catalog).
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
    LocalizedText? OwnerOrganisationName,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<ScenarioAction> AvailableActions)
{
    public static ScenarioView From(ScenarioPost p, IReadOnlyList<ScenarioAction> actions, Attribution shown, LocalizedText? ownerName) => new(
        p.Id, p.Title, p.Problem, p.ExpectedOutcome, p.Sector, ScenarioSectors.NameOf(p.Sector), p.CitySlug,
        GuangdongCities.Find(p.CitySlug)?.Name ?? new LocalizedText(p.CitySlug, p.CitySlug), p.District, p.DataAvailable,
        p.BudgetMin, p.BudgetMax, p.Deadline, shown.ContactName ? p.ContactName : null, shown.ContactDetail ? p.ContactDetail : null, p.Status, p.ReturnReason,
        p.OwnerOrganisationId, shown.OrganisationName ? ownerName : null, p.PublishedAt, actions);
}

/// <summary>
/// What a reader sees of who published a scenario. Signed-in users see the owner organisation and its contact
/// person and detail; an anonymous reader never sees the contact detail, and sees the organisation's name and the
/// contact person's name only as the office chooses (<see cref="ScenariosOptions.ShowOwnerOrganisationToPublic"/>,
/// on by default; <see cref="ScenariosOptions.ShowContactPersonToPublic"/>, off by default).
/// </summary>
internal sealed record Attribution(bool OrganisationName, bool ContactName, bool ContactDetail)
{
    public static Attribution For(bool signedIn, ScenariosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return signedIn ? new(true, true, true) : new(options.ShowOwnerOrganisationToPublic, options.ShowContactPersonToPublic, false);
    }
}
