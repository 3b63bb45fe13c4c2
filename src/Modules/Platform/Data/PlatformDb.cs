using System.Data.Common;
using Funeng.Kernel.Database;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Data;

/// <summary>The Platform module's data: Identity, organisations, API tokens, audit log, notifications.</summary>
internal abstract class PlatformDb(DbContextOptions options) : IdentityDbContext<FunengUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__platform_migrations";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every web instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>A context over an open connection, for joining another module's transaction.</summary>
    public static PlatformDb CreateOnConnection(DatabaseSettings settings, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqlitePlatformDb>();
            settings.ConfigureOnConnection(sqlite, connection, MigrationsHistoryTable);
            return new SqlitePlatformDb(sqlite.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresPlatformDb>();
        settings.ConfigureOnConnection(postgres, connection, MigrationsHistoryTable);
        return new PostgresPlatformDb(postgres.Options);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<FunengUser>(e =>
        {
            e.ToTable("platform_users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Culture).HasMaxLength(10);
            e.HasIndex(u => u.OrganisationId);
        });
        builder.Entity<IdentityRole>().ToTable("platform_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("platform_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("platform_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("platform_user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("platform_role_claims");
        builder.Entity<IdentityUserToken<string>>().ToTable("platform_user_tokens");

        builder.Entity<Organisation>(e =>
        {
            e.ToTable("platform_organisations");
            e.Property(o => o.NameZh).HasMaxLength(300);
            e.Property(o => o.NameEn).HasMaxLength(300);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.CitySlug).HasMaxLength(40);
            e.Property(o => o.CreditCode).HasMaxLength(18);
            e.HasIndex(o => o.CreditCode).IsUnique();
            e.Property(o => o.ContactName).HasMaxLength(100);
            e.Property(o => o.ContactEmail).HasMaxLength(256);
            e.Property(o => o.ContactPhone).HasMaxLength(40);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(30).HasDefaultValue(OrganisationStatus.Active);
            e.Property(o => o.VerifiedByUserId).HasMaxLength(450);
            e.Property(o => o.VerificationEvidence).HasMaxLength(1000);
            e.HasIndex(o => o.Status);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("platform_audit_log");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });

        builder.Entity<AuditHead>(e =>
        {
            e.ToTable("platform_audit_head");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
            e.Property(h => h.Signature).HasMaxLength(64);
        });

        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("platform_api_tokens");
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.SecretHash).HasMaxLength(64);
            e.HasIndex(t => t.SecretHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.HasIndex(t => t.ParentId);
        });

        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        builder.Entity<Notification>(e =>
        {
            e.ToTable("platform_notifications");
            e.Property(n => n.TitleZh).HasMaxLength(500);
            e.Property(n => n.TitleEn).HasMaxLength(500);
            e.Property(n => n.Link).HasMaxLength(500);
            e.HasIndex(n => new { n.UserId, n.ReadAt });
        });
    }
}

/// <summary>The SQLite flavour; exists so SQLite keeps its own migrations.</summary>
internal sealed class SqlitePlatformDb(DbContextOptions<SqlitePlatformDb> options) : PlatformDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        SqliteConventions.Apply(configurationBuilder);
    }
}

/// <summary>The PostgreSQL flavour; exists so PostgreSQL keeps its own migrations.</summary>
internal sealed class PostgresPlatformDb(DbContextOptions<PostgresPlatformDb> options) : PlatformDb(options);
