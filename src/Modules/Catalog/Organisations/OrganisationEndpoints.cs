using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Catalog.Organisations;

/// <summary>A profile as the API returns it; contacts only to signed-in users.</summary>
internal sealed record ProfileView(OrganisationProfile Profile, string? ContactName, string? ContactEmail, string? ContactPhone, string? Website, string? DescriptionZh, string? DescriptionEn);

/// <summary><c>/api/v1/catalog/organisations</c>: profiles, qualifications and an organisation's published listings.</summary>
internal static class OrganisationEndpoints
{
    public static async Task<Results<Ok<ProfileView>, NotFound>> GetAsync(Guid id, OrganisationRecords organisations, IActor actor, CancellationToken cancellationToken) =>
        await organisations.FindAsync(id, cancellationToken) is { } record ? TypedResults.Ok(View(record, actor.IsAuthenticated)) : TypedResults.NotFound();

    public static async Task<Ok<ProfileView>> SaveAsync(Guid id, ProfileInput input, OrganisationProfiles profiles, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await profiles.SaveAsync(id, input, cancellationToken), true));

    public static async Task<Created<QualificationSummary>> AddQualificationAsync(Guid id, QualificationInput input, OrganisationProfiles profiles, CancellationToken cancellationToken)
    {
        var q = await profiles.AddQualificationAsync(id, input, cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/organisations/{id}", new QualificationSummary(q.Kind, q.Issuer, q.ValidFrom, q.ValidTo));
    }

    public static async Task<Ok<IReadOnlyList<ListingSummary>>> ListingsAsync(Guid id, ICatalogQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListPublishedListingsAsync(id, cancellationToken));

    private static ProfileView View(OrganisationRecord o, bool withContacts) => new(
        o.ToProfile(),
        withContacts ? o.ContactName : null,
        withContacts ? o.ContactEmail : null,
        withContacts ? o.ContactPhone : null,
        o.Website,
        o.DescriptionZh,
        o.DescriptionEn);
}
