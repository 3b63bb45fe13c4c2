using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Import;

/// <summary>
/// What an import did. <see cref="IndexedNow"/>: this process wrote the search index, so the listings are
/// searchable now; false: they are committed and the process holding the index adds them on its next catch-up.
/// </summary>
internal sealed record ImportResult(string Format, int Rows, int ListingsAdded, int ListingsUpdated, int ListingsUnchanged, int OrganisationsAdded, IReadOnlyList<ImportError> Errors, bool IndexedNow = false)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>What the reader changed and the importer should know (e.g. a GBK file converted to UTF-8), in the reader's language when shown.</summary>
    public IReadOnlyList<ProblemMessage> Notes { get; init; } = [];
}

/// <summary>
/// Imports a CSV or .xlsx file all or nothing: every row is checked first and one bad row refuses the file
/// (naming row and column); otherwise organisations and listings are written in one transaction with one audit
/// entry. Imported listings are published (they come from published registers); a listing already imported
/// from the same source and id is updated, and gets a new published version only when its content changed.
/// </summary>
internal sealed class CatalogImporter(CatalogDb db, IOrganisationDirectory directory, IAuditLog audit, SearchIndexer indexer, IndexCatchUp worker, IActor actor, TimeProvider clock, OperatorLog<CatalogImporter> log)
{
    public async Task<ImportResult> ImportAsync(Stream stream, string fileName, IProgress<ProblemMessage>? progress, CancellationToken cancellationToken)
    {
        var file = await ReadFileAsync(stream, fileName, cancellationToken);
        var batch = ImportFormats.Parse(file);
        if (batch.Errors.Count > 0)
        {
            return new ImportResult(batch.Format, file.Rows.Count, 0, 0, 0, 0, batch.Errors) { Notes = file.Notes };
        }

        progress?.Report(ProblemMessage.Of("catalog.import.progress.checked", batch.Listings.Count, batch.Organisations.Count));
        var now = clock.GetUtcNow();
        var changedOrganisations = new List<Guid>();
        var changedListings = new List<Guid>();
        var published = new List<Guid>();
        int added = 0, updated = 0, unchanged = 0, organisationsAdded = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var owners = await OrganisationsAsync(batch.Organisations, now, cancellationToken);
            organisationsAdded = owners.Values.Count(o => db.Entry(o).State == EntityState.Added);
            changedOrganisations.AddRange(owners.Values.Where(o => db.Entry(o).State != EntityState.Unchanged).Select(o => o.OrganisationId));
            foreach (var group in batch.Listings.GroupBy(l => l.Source))
            {
                var ids = group.Select(l => l.SourceId).ToList();
                var existing = new Dictionary<string, ListingRecord>(StringComparer.Ordinal);
                foreach (var chunk in ids.Chunk(500))
                {
                    foreach (var found in await db.Listings.Where(l => l.Source == group.Key && chunk.Contains(l.SourceId!)).ToListAsync(cancellationToken))
                    {
                        existing[found.SourceId!] = found;
                    }
                }

                foreach (var row in group)
                {
                    var owner = owners[row.Owner.Key].OrganisationId;
                    if (existing.TryGetValue(row.SourceId, out var listing))
                    {
                        if (JsonSerializer.Serialize(listing.Content) == JsonSerializer.Serialize(row.Content) && listing.OwnerOrganisationId == owner)
                        {
                            unchanged++;
                            continue;
                        }

                        listing.Content = row.Content;
                        listing.OwnerOrganisationId = owner;
                        listing.UpdatedAt = now;
                        listing.Revision++;
                        if (listing.Status != ListingStatus.Withdrawn)
                        {
                            listing.Status = ListingStatus.Published;
                            ListingCommands.AddVersion(listing, Actor, now);
                            published.Add(listing.Id);
                        }

                        updated++;
                    }
                    else
                    {
                        listing = new ListingRecord
                        {
                            Id = Guid.CreateVersion7(now), Type = row.Type, OwnerOrganisationId = owner, Status = ListingStatus.Published,
                            Content = row.Content, Source = row.Source, SourceId = row.SourceId, CreatedAt = now, UpdatedAt = now,
                        };
                        ListingCommands.AddVersion(listing, Actor, now);
                        published.Add(listing.Id);
                        db.Listings.Add(listing);
                        added++;
                    }

                    changedListings.Add(listing.Id);
                }
            }

            SavedSearchAlerts.Enqueue(db, published, now);
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(ProblemMessage.Of("catalog.import.progress.written", added, updated, unchanged));
            await audit.AppendAsync(new AuditEvent("catalog.import", "catalog.import", batch.Format, ProblemMessage.Of(
                "catalog.audit.imported", Path.GetFileName(fileName), batch.Format, file.Rows.Count, added, updated, unchanged, organisationsAdded)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Committed: from here on the import has succeeded, whoever indexes it.
        progress?.Report(ProblemMessage.Of("catalog.import.progress.indexing"));
        var indexed = false;
        try
        {
            indexed = await indexer.OrganisationsChangedAsync(changedOrganisations, changedListings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warning(ProblemMessage.Of("catalog.log.imported-not-indexed", Path.GetFileName(fileName)), e);
        }

        worker.Wake();
        return new ImportResult(batch.Format, file.Rows.Count, added, updated, unchanged, organisationsAdded, [], indexed) { Notes = file.Notes };
    }

    /// <summary>The upload as a table; the file-level refusals go under one <c>file</c> key, each naming its line, which the import page shows as one list.</summary>
    private static async Task<TabularFile> ReadFileAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return await TabularFile.ReadAsync(stream, fileName, cancellationToken);
        }
        catch (InvalidInputException e) when (DataFileError.Among(e).Count > 0)
        {
            throw new InvalidInputException(DataFileError.Among(e).Select(error => error.Line > 0
                ? FieldProblem.Of("file", "catalog.import.problem.at-line", error.Line, error.Description)
                : new FieldProblem("file", error.Description)));
        }
    }

    private string Actor => $"import by {actor.Name}";

    /// <summary>
    /// Finds or creates the profile of each named organisation: by credit code, else by legal name; a new one
    /// takes the Platform organisation id when the platform knows the name (so its members own the listings),
    /// else a stable id derived from the name, so re-imports find it again.
    /// </summary>
    private async Task<Dictionary<string, OrganisationRecord>> OrganisationsAsync(IReadOnlyList<ImportedOrganisation> named, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await db.Organisations.ToListAsync(cancellationToken);
        var byCode = all.Where(o => o.CreditCode is not null).ToDictionary(o => o.CreditCode!, StringComparer.Ordinal);
        var byName = all.GroupBy(o => o.LegalNameZh, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var platform = (await directory.ListAsync(cancellationToken: cancellationToken)).GroupBy(o => o.NameZh).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var result = new Dictionary<string, OrganisationRecord>(StringComparer.Ordinal);
        foreach (var organisation in named)
        {
            var record = (organisation.CreditCode is { } code ? byCode.GetValueOrDefault(code) : null) ?? byName.GetValueOrDefault(organisation.NameZh);
            if (record is null)
            {
                record = new OrganisationRecord
                {
                    OrganisationId = platform.TryGetValue(organisation.NameZh, out var id) ? id : StableId(organisation.NameZh),
                    LegalNameZh = organisation.NameZh,
                    LegalNameEn = organisation.NameEn,
                    CreditCode = organisation.CreditCode,
                    CitySlug = organisation.CitySlug,
                    District = organisation.District,
                    Sectors = [.. organisation.Sectors],
                    Source = "import",
                    UpdatedAt = now,
                };
                db.Organisations.Add(record);
                byName[record.LegalNameZh] = record;
            }
            else if (record.Source == "import")
            {
                // Profiles kept by their organisation are theirs; only imported ones follow the register.
                record.CitySlug ??= organisation.CitySlug;
                record.CreditCode ??= organisation.CreditCode;
                var sectors = record.Sectors.Union(organisation.Sectors).ToList();
                if (!sectors.SequenceEqual(record.Sectors))
                {
                    record.Sectors = sectors;
                    record.UpdatedAt = now;
                }
            }

            result[organisation.Key] = record;
        }

        return result;
    }

    /// <summary>A name-based id (SHA-256 of the name, version-5 layout) for organisations without a platform account.</summary>
    internal static Guid StableId(string nameZh)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("funeng:catalog:organisation:" + nameZh));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
