using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.SavedSearches;

/// <summary>Creating and deleting the current user's saved searches (pages and API both call this).</summary>
internal sealed class SavedSearchStore(CatalogDb db, IActor actor, TimeProvider clock)
{
    /// <summary>The current user's saved searches, newest first.</summary>
    public Task<List<SavedSearchRecord>> MineAsync(CancellationToken cancellationToken) =>
        db.SavedSearches.AsNoTracking().Where(s => s.UserId == actor.UserId).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Saves a search for the current user; <see cref="InvalidInputException"/> by field when it cannot be kept (<see cref="SavedSearchRules"/>).</summary>
    public async Task<SavedSearchRecord> CreateAsync(SavedSearchInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = actor.UserId ?? throw new InvalidOperationException("Saving a search needs a signed-in user.");
        var text = input.Text?.Trim() ?? "";
        var filters = Clean(input.Filters ?? CatalogFilters.None);
        var name = string.IsNullOrWhiteSpace(input.Name) ? (text.Length > 0 ? text : "*") : input.Name.Trim();
        var kept = await db.SavedSearches.CountAsync(s => s.UserId == userId, cancellationToken);
        InvalidInputException.ThrowIfAny(SavedSearchRules.Problems(name, text, filters, kept));

        var viewer = CatalogViewer.From(actor);
        var saved = new SavedSearchRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, OrganisationId = viewer.OrganisationId, IsOffice = viewer.IsOffice,
            Name = name, Text = text, Filters = filters, CreatedAt = clock.GetUtcNow(),
        };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return saved;
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
