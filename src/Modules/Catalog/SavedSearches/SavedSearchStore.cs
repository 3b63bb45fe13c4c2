using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.SavedSearches;

/// <summary>Creating and deleting the current user's saved searches (pages and API both call this).</summary>
internal sealed class SavedSearchStore(CatalogDb db, IActor actor, TimeProvider clock)
{
    /// <summary>
    /// Filter values a saved search may hold, over all facets: every value is a clause of the query the matching
    /// worker runs on each publication (issue 15: 1,300 values broke every publish with TooManyClausesException).
    /// </summary>
    public const int MaxFilterValues = 50;

    public const int MaxFilterValueLength = 100;

    /// <summary>The current user's saved searches, newest first.</summary>
    public Task<List<SavedSearchRecord>> MineAsync(CancellationToken cancellationToken) =>
        db.SavedSearches.AsNoTracking().Where(s => s.UserId == actor.UserId).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);

    public async Task<(SavedSearchRecord? Saved, Dictionary<string, string[]> Errors)> CreateAsync(SavedSearchInput input, CancellationToken cancellationToken)
    {
        var userId = actor.UserId ?? throw new InvalidOperationException("Saving a search needs a signed-in user.");
        var text = input.Text?.Trim() ?? "";
        var filters = Clean(input.Filters ?? CatalogFilters.None);
        var name = string.IsNullOrWhiteSpace(input.Name) ? (text.Length > 0 ? text : "*") : input.Name.Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length > SavedSearchRecord.MaxNameLength)
        {
            errors["name"] = [$"A name has at most {SavedSearchRecord.MaxNameLength} characters."];
        }

        if (text.Length > SavedSearchRecord.MaxTextLength)
        {
            errors["text"] = [$"A search text has at most {SavedSearchRecord.MaxTextLength} characters."];
        }

        var values = SavedSearchQuery.Values(filters).SelectMany(f => f.Values.Select(v => (f.Facet, Value: v))).ToList();
        if (values.Count > MaxFilterValues)
        {
            errors["filters"] = [$"A saved search has at most {MaxFilterValues} filter values; this one has {values.Count}."];
        }
        else if (values.FirstOrDefault(v => v.Value.Length > MaxFilterValueLength) is { Facet: not null } overlong)
        {
            errors["filters"] = [$"A filter value has at most {MaxFilterValueLength} characters (in {overlong.Facet})."];
        }

        if (filters.Types.FirstOrDefault(t => t != ListingTypeKeys.Organisation && ListingTypeKeys.Parse(t) is null) is { } badType)
        {
            errors["filters.types"] = [$"Unknown type \"{badType}\"."];
        }

        if (await db.SavedSearches.CountAsync(s => s.UserId == userId, cancellationToken) >= SavedSearchRecord.MaxPerUser)
        {
            errors["name"] = [$"You already keep {SavedSearchRecord.MaxPerUser} saved searches; delete one first."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var viewer = CatalogViewer.From(actor);
        var saved = new SavedSearchRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, OrganisationId = viewer.OrganisationId, IsOffice = viewer.IsOffice,
            Name = name, Text = text, Filters = filters, CreatedAt = clock.GetUtcNow(),
        };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return (saved, errors);
    }

    /// <summary>Deletes one of the user's own saved searches; false when there is none of theirs with that id.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.SavedSearches.Where(s => s.Id == id && s.UserId == actor.UserId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Only the facet filters of the search page are kept (no status or owner narrowing).</summary>
    private static CatalogFilters Clean(CatalogFilters f) => new()
    {
        Types = Tidy(f.Types), Sectors = Tidy(f.Sectors), Cities = Tidy(f.Cities), Qualifications = Tidy(f.Qualifications),
        Licences = Tidy(f.Licences), AccessLevels = Tidy(f.AccessLevels),
    };

    private static string[] Tidy(IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
}
