using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Index.Data;

/// <summary>The Index module's data: observation versions and the office's weights.</summary>
internal abstract class IndexDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__index_migrations";

    public DbSet<ObservationRecord> Observations => Set<ObservationRecord>();

    public DbSet<WeightRecord> Weights => Set<WeightRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ObservationRecord>(e =>
        {
            e.ToTable("index_observations");
            e.Property(o => o.Indicator).HasMaxLength(100);
            e.Property(o => o.Scope).HasMaxLength(40);
            e.Property(o => o.Value).HasPrecision(28, 6);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Source).HasMaxLength(400);
            e.Property(o => o.Channel).HasMaxLength(16);
            e.Property(o => o.EnteredByUserId).HasMaxLength(450);
            e.Property(o => o.EnteredByName).HasMaxLength(200);
            e.Property(o => o.Note).HasMaxLength(400);
            e.HasIndex(o => new { o.Indicator, o.Scope, o.Year, o.Version }).IsUnique();
            e.HasIndex(o => o.Year);
        });
        modelBuilder.Entity<WeightRecord>(e =>
        {
            e.ToTable("index_weights");
            e.HasKey(w => w.Key);
            e.Property(w => w.Key).HasMaxLength(120);
            e.Property(w => w.UpdatedBy).HasMaxLength(200);
        });
    }
}

internal sealed class SqliteIndexDb(DbContextOptions<SqliteIndexDb> options) : IndexDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresIndexDb(DbContextOptions<PostgresIndexDb> options) : IndexDb(options);

internal sealed class SqliteIndexDbFactory() : DesignTimeFactory<SqliteIndexDb>(DatabaseProvider.Sqlite, IndexDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresIndexDbFactory() : DesignTimeFactory<PostgresIndexDb>(DatabaseProvider.Postgres, IndexDb.MigrationsHistoryTable, o => new(o));
