using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Data;

/// <summary>
/// The Compute module's data. Money is <c>decimal</c> yuan; SQLite stores it as text, so sums of money are done in
/// C# over the (few) rows of one report, never in SQL.
/// </summary>
internal abstract class ComputeDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__compute_migrations";

    public DbSet<CentreRecord> Centres => Set<CentreRecord>();
    public DbSet<PoolRecord> Pools => Set<PoolRecord>();
    public DbSet<LatencyRecord> Latencies => Set<LatencyRecord>();
    public DbSet<RequestRecord> Requests => Set<RequestRecord>();
    public DbSet<PlacementRecord> Placements => Set<PlacementRecord>();
    public DbSet<VoucherRecord> Vouchers => Set<VoucherRecord>();
    public DbSet<VoucherDebitRecord> VoucherDebits => Set<VoucherDebitRecord>();
    public DbSet<SettingRecord> Settings => Set<SettingRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CentreRecord>(e =>
        {
            e.ToTable("compute_centres");
            e.Property(c => c.NameZh).HasMaxLength(200);
            e.Property(c => c.NameEn).HasMaxLength(200);
            e.Property(c => c.CitySlug).HasMaxLength(40);
            e.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
            e.HasMany(c => c.Pools).WithOne().HasForeignKey(p => p.CentreId);
        });
        modelBuilder.Entity<PoolRecord>(e =>
        {
            e.ToTable("compute_pools");
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Accelerator).HasMaxLength(100);
            e.Property(p => p.Interconnect).HasMaxLength(100);
            e.Property(p => p.Engine).HasMaxLength(20);
            e.Property(p => p.PricePerDeviceHour).HasPrecision(18, 4);
        });
        modelBuilder.Entity<LatencyRecord>(e =>
        {
            e.ToTable("compute_latencies");
            e.HasKey(l => new { l.CentreId, l.CitySlug });
            e.Property(l => l.CitySlug).HasMaxLength(40);
        });
        modelBuilder.Entity<RequestRecord>(e =>
        {
            e.ToTable("compute_requests");
            e.Property(r => r.SubmittedBy).HasMaxLength(200);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Accelerators).HasMaxLength(500);
            e.Property(r => r.DataCity).HasMaxLength(40);
            e.Property(r => r.Sector).HasMaxLength(40);
            e.Property(r => r.VoucherIds).HasMaxLength(2000);
            e.Property(r => r.JobTemplate).HasMaxLength(64);
            e.Property(r => r.JobArguments).HasMaxLength(16000);
            e.Property(r => r.StateReason).HasMaxLength(1000);
            e.Property(r => r.Budget).HasPrecision(18, 2);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.OrganisationId, r.State });
            e.HasIndex(r => r.State);
        });
        modelBuilder.Entity<PlacementRecord>(e =>
        {
            e.ToTable("compute_placements");
            e.Property(p => p.Policy).HasMaxLength(40);
            e.Property(p => p.Engine).HasMaxLength(20);
            e.Property(p => p.ExternalId).HasMaxLength(100);
            e.Property(p => p.Cost).HasPrecision(18, 2);
            e.HasIndex(p => p.RequestId);
            e.HasIndex(p => new { p.CentreId, p.Active });
        });
        modelBuilder.Entity<VoucherRecord>(e =>
        {
            e.ToTable("compute_vouchers");
            e.Property(v => v.Unit).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Amount).HasPrecision(18, 2);
            e.Property(v => v.Note).HasMaxLength(500);
            e.Property(v => v.GrantedBy).HasMaxLength(200);
            e.HasIndex(v => v.OrganisationId);
        });
        modelBuilder.Entity<VoucherDebitRecord>(e =>
        {
            e.ToTable("compute_voucher_debits");
            e.Property(d => d.Amount).HasPrecision(18, 2);
            e.HasIndex(d => d.VoucherId);
            e.HasIndex(d => d.RequestId);
        });
        modelBuilder.Entity<SettingRecord>(e =>
        {
            e.ToTable("compute_settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(200);
        });
    }
}

internal sealed class SqliteComputeDb(DbContextOptions<SqliteComputeDb> options) : ComputeDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresComputeDb(DbContextOptions<PostgresComputeDb> options) : ComputeDb(options);

internal sealed class SqliteComputeDbFactory() : DesignTimeFactory<SqliteComputeDb>(DatabaseProvider.Sqlite, ComputeDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresComputeDbFactory() : DesignTimeFactory<PostgresComputeDb>(DatabaseProvider.Postgres, ComputeDb.MigrationsHistoryTable, o => new(o));
