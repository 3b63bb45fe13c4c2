using System.Text.Json;
using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Funeng.Catalog.Data;

/// <summary>The Catalog module's data: organisation profiles, qualifications, listings and their published versions.</summary>
internal abstract class CatalogDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__catalog_migrations";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<OrganisationRecord> Organisations => Set<OrganisationRecord>();

    public DbSet<QualificationRecord> Qualifications => Set<QualificationRecord>();

    public DbSet<ListingRecord> Listings => Set<ListingRecord>();

    public DbSet<ListingVersionRecord> ListingVersions => Set<ListingVersionRecord>();

    public DbSet<SavedSearchRecord> SavedSearches => Set<SavedSearchRecord>();

    public DbSet<SavedSearchMatchRecord> SavedSearchMatches => Set<SavedSearchMatchRecord>();

    public DbSet<SavedSearchQueueRecord> SavedSearchQueue => Set<SavedSearchQueueRecord>();

    public DbSet<EditionRecord> Editions => Set<EditionRecord>();

    public DbSet<GlossaryEntryRecord> GlossaryEntries => Set<GlossaryEntryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganisationRecord>(e =>
        {
            e.ToTable("catalog_organisations");
            e.HasKey(o => o.OrganisationId);
            e.Property(o => o.LegalNameZh).HasMaxLength(200);
            e.Property(o => o.LegalNameEn).HasMaxLength(300);
            e.Property(o => o.CreditCode).HasMaxLength(18);
            e.HasIndex(o => o.CreditCode).IsUnique();
            e.HasIndex(o => o.LegalNameZh);
            e.Property(o => o.CitySlug).HasMaxLength(32);
            e.Property(o => o.District).HasMaxLength(64);
            e.Property(o => o.Size).HasMaxLength(16);
            e.Property(o => o.Sectors).HasConversion(JsonConverter<List<string>>()).Metadata.SetValueComparer(ListComparer());
            e.Property(o => o.ContactName).HasMaxLength(100);
            e.Property(o => o.ContactEmail).HasMaxLength(200);
            e.Property(o => o.ContactPhone).HasMaxLength(40);
            e.Property(o => o.Website).HasMaxLength(300);
            e.Property(o => o.Source).HasMaxLength(64);
            e.HasMany(o => o.Qualifications).WithOne().HasForeignKey(q => q.OrganisationId);
        });
        modelBuilder.Entity<QualificationRecord>(e =>
        {
            e.ToTable("catalog_qualifications");
            e.Property(q => q.Kind).HasMaxLength(32);
            e.Property(q => q.Issuer).HasMaxLength(200);
            e.Property(q => q.CertificateNumber).HasMaxLength(100);
            e.Property(q => q.Evidence).HasMaxLength(1000);
        });
        modelBuilder.Entity<ListingRecord>(e =>
        {
            e.ToTable("catalog_listings");
            e.Property(l => l.Type).HasConversion<string>().HasMaxLength(32);
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.Content).HasConversion(JsonConverter<ListingContent>()).Metadata.SetValueComparer(ContentComparer());
            e.Property(l => l.PublishedCitySlug).HasMaxLength(32);
            e.Property(l => l.ReturnReason).HasMaxLength(2000);
            e.Property(l => l.Source).HasMaxLength(64);
            e.Property(l => l.SourceId).HasMaxLength(200);
            e.Property(l => l.Revision).IsConcurrencyToken();
            e.HasIndex(l => new { l.Source, l.SourceId }).IsUnique();
            e.HasIndex(l => l.OwnerOrganisationId);
            e.HasIndex(l => new { l.Status, l.Type });
            e.HasMany(l => l.Versions).WithOne().HasForeignKey(v => v.ListingId);
        });
        modelBuilder.Entity<ListingVersionRecord>(e =>
        {
            e.ToTable("catalog_listing_versions");
            e.HasKey(v => new { v.ListingId, v.Number });
            e.Property(v => v.Content).HasConversion(JsonConverter<ListingContent>()).Metadata.SetValueComparer(ContentComparer());
            e.Property(v => v.PublishedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<EditionRecord>(e =>
        {
            e.ToTable("catalog_recommendation_editions");
            e.Property(x => x.TitleZh).HasMaxLength(200);
            e.Property(x => x.TitleEn).HasMaxLength(300);
            e.Property(x => x.DescriptionZh).HasMaxLength(4000);
            e.Property(x => x.DescriptionEn).HasMaxLength(4000);
            e.Property(x => x.PublishedBy).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.IsPublished);
            e.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EditionEntryRecord>(e =>
        {
            e.ToTable("catalog_recommendation_edition_entries");
            e.HasKey(x => new { x.EditionId, x.ListingId });
            e.HasIndex(x => x.ListingId);
        });
        modelBuilder.Entity<GlossaryEntryRecord>(e =>
        {
            e.ToTable("catalog_glossary_entries");
            e.Property(x => x.Group).HasMaxLength(Search.Glossary.GlossaryRules.MaxGroupLength);
            e.HasIndex(x => x.Group).IsUnique();
            e.Property(x => x.ZhNames).HasMaxLength(Search.Glossary.GlossaryRules.MaxNamesLength);
            e.Property(x => x.EnNames).HasMaxLength(Search.Glossary.GlossaryRules.MaxNamesLength);
            e.Property(x => x.Source).HasMaxLength(Search.Glossary.GlossaryRules.MaxSourceLength);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<SavedSearchRecord>(e =>
        {
            e.ToTable("catalog_saved_searches");
            e.Property(s => s.UserId).HasMaxLength(64);
            e.Property(s => s.Name).HasMaxLength(SavedSearchRecord.MaxNameLength);
            e.Property(s => s.Text).HasMaxLength(SavedSearchRecord.MaxTextLength);
            e.Property(s => s.Filters).HasConversion(JsonConverter<Contracts.CatalogFilters>()).Metadata.SetValueComparer(ReferenceComparer<Contracts.CatalogFilters>());
            e.HasIndex(s => s.UserId);
            e.Ignore(s => s.Viewer);
        });
        modelBuilder.Entity<SavedSearchMatchRecord>(e =>
        {
            e.ToTable("catalog_saved_search_matches");
            e.HasKey(m => new { m.SavedSearchId, m.ListingId });
            e.HasIndex(m => m.ListingId);
            e.HasOne<SavedSearchRecord>().WithMany().HasForeignKey(m => m.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SavedSearchQueueRecord>(e =>
        {
            e.ToTable("catalog_saved_search_queue");
            e.HasKey(q => q.Id);
            e.Property(q => q.Id).ValueGeneratedOnAdd();
        });
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> JsonConverter<T>()
        where T : new() =>
        new(v => JsonSerializer.Serialize(v, Json), s => JsonSerializer.Deserialize<T>(s, Json) ?? new T());

    private static ValueComparer<List<string>> ListComparer() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList());

    private static ValueComparer<ListingContent> ContentComparer() => ReferenceComparer<ListingContent>();

    // Content and filters are immutable records, so a changed value is always a new instance: reference equality suffices.
    private static ValueComparer<T> ReferenceComparer<T>()
        where T : class =>
        new((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v);
}

internal sealed class SqliteCatalogDb(DbContextOptions<SqliteCatalogDb> options) : CatalogDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresCatalogDb(DbContextOptions<PostgresCatalogDb> options) : CatalogDb(options);

internal sealed class SqliteCatalogDbFactory() : DesignTimeFactory<SqliteCatalogDb>(DatabaseProvider.Sqlite, CatalogDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresCatalogDbFactory() : DesignTimeFactory<PostgresCatalogDb>(DatabaseProvider.Postgres, CatalogDb.MigrationsHistoryTable, o => new(o));
