using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Organisations;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Listings;

/// <summary>
/// Every change to a listing: create, edit, submit, publish, return, withdraw. Each runs in one transaction with
/// its audit entry, then updates the search index (after commit, so a rolled-back change is never found).
/// Pages and API endpoints both call these.
/// </summary>
internal sealed class ListingCommands(
    CatalogDb db, IAuditLog audit, INotifier notifier, SearchIndexer indexer, IndexCatchUp worker, OrganisationProfiles profiles, IActor actor, TimeProvider clock)
{
    private ListingWorkflow.Actor Actor => new(actor.OrganisationId, actor.IsInRole(Roles.OfficeStaff));

    /// <summary>Creates a draft owned by the user's organisation.</summary>
    public async Task<ListingRecord> CreateAsync(ListingType type, ListingContent content, CancellationToken cancellationToken)
    {
        var owner = actor.OrganisationId ?? throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-members-organisation-list-offers"), null, 403);
        Validate(type, content);
        await profiles.EnsureAsync(owner, cancellationToken);
        var now = clock.GetUtcNow();
        var listing = new ListingRecord
        {
            Id = Guid.CreateVersion7(now),
            Type = type,
            OwnerOrganisationId = owner,
            Status = ListingStatus.Draft,
            Content = content,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Listings.Add(listing);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(Event("created", listing, ProblemMessage.Of("catalog.audit.listing-created", ProblemMessage.Of("catalog.type." + type.Key()), TitleOf(listing))), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await indexer.ListingsChangedAsync([listing.Id], cancellationToken);
        return listing;
    }

    public Task<ListingRecord?> UpdateAsync(Guid id, ListingContent content, CancellationToken cancellationToken) =>
        ChangeAsync(id, "updated", listing =>
        {
            listing.Status = ListingWorkflow.Edit(listing, Actor);
            Validate(listing.Type, content);
            listing.Content = content;
            listing.ReturnReason = null;
            return ProblemMessage.Of("catalog.audit.listing", TitleOf(listing));
        }, cancellationToken);

    public Task<ListingRecord?> SubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "submitted", listing =>
        {
            listing.Status = ListingWorkflow.Submit(listing, Actor);
            Validate(listing.Type, listing.Content);
            return ProblemMessage.Of("catalog.audit.listing", TitleOf(listing));
        }, cancellationToken);

    public async Task<ListingRecord?> PublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var listing = await ChangeAsync(id, "published", listing =>
        {
            listing.Status = ListingWorkflow.Publish(listing, Actor);
            AddVersion(listing, actor.Name, clock.GetUtcNow());
            SavedSearchAlerts.Enqueue(db, [listing.Id], clock.GetUtcNow());
            return ProblemMessage.Of("catalog.audit.listing-published", TitleOf(listing), listing.PublishedVersion);
        }, cancellationToken);
        if (listing is not null)
        {
            worker.Wake(); // saved-search alerts, off this request
            await notifier.NotifyOrganisationAsync(listing.OwnerOrganisationId, ProblemMessage.Of("catalog.notify.published", Title(listing)), Link(listing), cancellationToken);
        }

        return listing;
    }

    public async Task<ListingRecord?> ReturnAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var listing = await ChangeAsync(id, "returned", listing =>
        {
            listing.Status = ListingWorkflow.Return(listing, Actor, reason);
            listing.ReturnReason = reason!.Trim();
            return ProblemMessage.Of("catalog.audit.listing-returned", TitleOf(listing), listing.ReturnReason);
        }, cancellationToken);
        if (listing is not null)
        {
            await notifier.NotifyOrganisationAsync(listing.OwnerOrganisationId, ProblemMessage.Of("catalog.notify.returned", Title(listing)), Link(listing), cancellationToken);
        }

        return listing;
    }

    public Task<ListingRecord?> WithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "withdrawn", listing =>
        {
            listing.Status = ListingWorkflow.Withdraw(listing, Actor);
            return ProblemMessage.Of("catalog.audit.listing", TitleOf(listing));
        }, cancellationToken);

    /// <summary>Freezes the working copy as the next published version.</summary>
    internal static void AddVersion(ListingRecord listing, string publishedBy, DateTimeOffset now)
    {
        var number = (listing.PublishedVersion ?? 0) + 1;
        listing.Versions.Add(new ListingVersionRecord { ListingId = listing.Id, Number = number, Content = listing.Content, PublishedAt = now, PublishedBy = publishedBy });
        listing.PublishedVersion = number;
        listing.PublishedAt = now;
        listing.PublishedCitySlug = listing.Content.CitySlug;
    }

    internal static string Link(ListingRecord listing) => $"/catalog/listings/{listing.Id}";

    private static LocalizedText Title(ListingRecord listing) => LocalizedText.Of(listing.Content.TitleZh, listing.Content.TitleEn);

    /// <summary>
    /// Loads a listing the user may see (others' drafts are "not found", not "forbidden", so their existence does
    /// not leak), applies <paramref name="change"/>, and commits it with its audit entry.
    /// </summary>
    private async Task<ListingRecord?> ChangeAsync(Guid id, string action, Func<ListingRecord, ProblemMessage> change, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || !CatalogViewer.From(actor).MaySee(listing.OwnerOrganisationId, listing.Status))
        {
            return null;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var details = change(listing);
            listing.UpdatedAt = clock.GetUtcNow();
            listing.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.someone-else-changed-listing-same"), "status", 409);
            }

            await audit.AppendAsync(Event(action, listing, details), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await indexer.ListingsChangedAsync([listing.Id], cancellationToken);
        return listing;
    }

    private static void Validate(ListingType type, ListingContent content) =>
        InvalidInputException.ThrowIfAny(ListingFields.Validate(type, content));

    private static AuditEvent Event(string action, ListingRecord listing, ProblemMessage details) =>
        new($"catalog.listing.{action}", "catalog.listing", listing.Id.ToString(), details);

    private static LocalizedText TitleOf(ListingRecord listing) => LocalizedText.Of(listing.Content.TitleZh, listing.Content.TitleEn);
}
