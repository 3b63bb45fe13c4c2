using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Editions;

/// <summary>The fields office staff give an edition.</summary>
internal sealed record EditionInput(string? TitleZh, string? TitleEn, int? Year, string? DescriptionZh, string? DescriptionEn);

/// <summary>
/// Every change to a recommendation catalog edition, each in one transaction with its audit entry. A published
/// edition refuses every change with a 409 naming it: an edition can never silently change after publication.
/// </summary>
internal sealed class EditionCommands(CatalogDb db, IAuditLog audit, IActor actor, TimeProvider clock)
{
    public async Task<EditionRecord> CreateAsync(EditionInput input, CancellationToken cancellationToken)
    {
        InvalidInputException.ThrowIfAny(EditionRules.Problems(input));
        var now = clock.GetUtcNow();
        var edition = new EditionRecord { Id = Guid.CreateVersion7(now), CreatedAt = now };
        Apply(edition, input);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Editions.Add(edition);
        await SaveAsync(edition, "created", Titled(edition), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return edition;
    }

    public Task<EditionRecord?> UpdateAsync(Guid id, EditionInput input, CancellationToken cancellationToken) =>
        ChangeAsync(id, "updated", edition =>
        {
            InvalidInputException.ThrowIfAny(EditionRules.Problems(input));
            Apply(edition, input);
            return Task.FromResult(Titled(edition));
        }, cancellationToken);

    /// <summary>Adds a published listing at its current published version.</summary>
    public Task<EditionRecord?> AddAsync(Guid id, Guid listingId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "entry_added", async edition =>
        {
            var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken);
            if (listing is not { Status: ListingStatus.Published, PublishedVersion: { } version })
            {
                throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-published-listing-recommended"), "listingId", 422);
            }

            if (edition.Entries.Any(e => e.ListingId == listingId))
            {
                throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.listing-already-edition"), "listingId");
            }

            edition.Entries.Add(new EditionEntryRecord { EditionId = id, ListingId = listingId, ListingVersion = version, AddedAt = clock.GetUtcNow() });
            return ProblemMessage.Of("catalog.audit.edition-entry", listingId.ToString(), version);
        }, cancellationToken);

    public Task<EditionRecord?> RemoveAsync(Guid id, Guid listingId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "entry_removed", edition =>
        {
            var entry = edition.Entries.SingleOrDefault(e => e.ListingId == listingId)
                ?? throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.listing-edition"), "listingId", 422);
            edition.Entries.Remove(entry);
            return Task.FromResult(ProblemMessage.Of("catalog.audit.edition-entry", listingId.ToString(), entry.ListingVersion));
        }, cancellationToken);

    public Task<EditionRecord?> PublishAsync(Guid id, DateOnly? publishedOn, CancellationToken cancellationToken) =>
        ChangeAsync(id, "published", edition =>
        {
            if (edition.Entries.Count == 0)
            {
                throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.edition-without-listings-cannot-published"), "entries", 422);
            }

            edition.PublishedOn = publishedOn ?? throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.give-publication-date"), "publishedOn", 422);
            edition.PublishedAt = clock.GetUtcNow();
            edition.PublishedBy = actor.Name;
            return Task.FromResult(ProblemMessage.Of("catalog.audit.edition-published", LocalizedText.Of(edition.TitleZh, edition.TitleEn), edition.PublishedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), edition.Entries.Count));
        }, cancellationToken);

    /// <summary>Deletes a draft (a published edition stays for ever); returns what was deleted, null when there is no such edition.</summary>
    public async Task<EditionRecord?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.Include(e => e.Entries).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        EditionRules.RequireDraft(edition);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Editions.Remove(edition);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(Event("deleted", edition, Titled(edition)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return edition;
    }

    private static void Apply(EditionRecord edition, EditionInput input)
    {
        edition.TitleZh = input.TitleZh!.Trim();
        edition.TitleEn = input.TitleEn?.Trim() ?? "";
        edition.Year = input.Year!.Value;
        edition.DescriptionZh = input.DescriptionZh?.Trim() ?? "";
        edition.DescriptionEn = input.DescriptionEn?.Trim() ?? "";
    }

    private async Task<EditionRecord?> ChangeAsync(Guid id, string action, Func<EditionRecord, Task<ProblemMessage>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var edition = await db.Editions.Include(e => e.Entries).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        EditionRules.RequireDraft(edition);
        var details = await change(edition);
        await SaveAsync(edition, action, details, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return edition;
    }

    private async Task SaveAsync(EditionRecord edition, string action, ProblemMessage details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        edition.UpdatedAt = now;
        edition.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.someone-else-changed-edition-same"), "edition", 409);
        }

        await audit.AppendAsync(Event(action, edition, details), db, cancellationToken);
    }

    private static AuditEvent Event(string action, EditionRecord edition, ProblemMessage details) =>
        new($"catalog.edition.{action}", "catalog.recommendation_edition", edition.Id.ToString(), details);

    private static ProblemMessage Titled(EditionRecord edition) => ProblemMessage.Of("catalog.audit.edition", LocalizedText.Of(edition.TitleZh, edition.TitleEn), edition.Year);
}
