using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Policy.Data;

/// <summary>The Policy module's data: loaded packs, documents, measures and targets.</summary>
internal abstract class PolicyDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__policy_migrations";

    public DbSet<PackRecord> Packs => Set<PackRecord>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<MeasureRecord> Measures => Set<MeasureRecord>();

    public DbSet<TargetRecord> Targets => Set<TargetRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PackRecord>(e =>
        {
            e.ToTable("policy_packs");
            e.Property(p => p.Id).HasMaxLength(64);
            e.Property(p => p.Version).HasMaxLength(32);
            e.Property(p => p.ContentHash).HasMaxLength(64);
        });
        modelBuilder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("policy_documents");
            e.HasKey(d => new { d.PackId, d.Id });
            e.Property(d => d.PackId).HasMaxLength(64);
            e.Property(d => d.Id).HasMaxLength(100);
            e.Property(d => d.Scope).HasMaxLength(40);
            e.Property(d => d.SourceFile).HasMaxLength(200);
        });
        modelBuilder.Entity<MeasureRecord>(e =>
        {
            e.ToTable("policy_measures");
            e.Property(m => m.PackId).HasMaxLength(64);
            e.Property(m => m.DocumentId).HasMaxLength(100);
            e.Property(m => m.Number).HasMaxLength(64);
            e.Property(m => m.SourceFile).HasMaxLength(200);
            e.HasIndex(m => new { m.PackId, m.DocumentId, m.Number }).IsUnique();
        });
        modelBuilder.Entity<TargetRecord>(e =>
        {
            e.ToTable("policy_targets");
            e.HasKey(t => new { t.PackId, t.Id });
            e.Property(t => t.PackId).HasMaxLength(64);
            e.Property(t => t.Id).HasMaxLength(100);
            e.Property(t => t.DocumentId).HasMaxLength(100);
            e.Property(t => t.Kind).HasMaxLength(16);
            e.Property(t => t.Indicator).HasMaxLength(100);
            e.Property(t => t.Comparator).HasMaxLength(32);
            e.Property(t => t.Value).HasPrecision(24, 4);
            e.Property(t => t.Unit).HasMaxLength(16);
            e.Property(t => t.Per).HasMaxLength(16);
            e.Property(t => t.Scope).HasMaxLength(40);
            e.Property(t => t.MeasureNumber).HasMaxLength(64);
            e.HasIndex(t => t.Year);
            e.HasIndex(t => t.Indicator);
        });
    }
}

internal sealed class SqlitePolicyDb(DbContextOptions<SqlitePolicyDb> options) : PolicyDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresPolicyDb(DbContextOptions<PostgresPolicyDb> options) : PolicyDb(options);

internal sealed class SqlitePolicyDbFactory() : DesignTimeFactory<SqlitePolicyDb>(DatabaseProvider.Sqlite, PolicyDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresPolicyDbFactory() : DesignTimeFactory<PostgresPolicyDb>(DatabaseProvider.Postgres, PolicyDb.MigrationsHistoryTable, o => new(o));
