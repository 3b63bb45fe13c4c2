using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Data;

/// <summary>The Incentives module's data: profiles, parameter settings, applications, awards and the ledger.</summary>
internal abstract class IncentivesDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__incentives_migrations";

    public DbSet<EnterpriseProfile> Profiles => Set<EnterpriseProfile>();

    public DbSet<ParameterSetting> ParameterSettings => Set<ParameterSetting>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationStep> ApplicationSteps => Set<ApplicationStep>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ExpertScore> Scores => Set<ExpertScore>();

    public DbSet<ReviewAssignment> Assignments => Set<ReviewAssignment>();

    public DbSet<Award> Awards => Set<Award>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<AwardObjection> AwardObjections => Set<AwardObjection>();

    public DbSet<EligibilityNotice> Notices => Set<EligibilityNotice>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EnterpriseProfile>(e =>
        {
            e.ToTable("incentives_profiles");
            e.HasKey(p => p.OrganisationId);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.CitySlug).HasMaxLength(40);
        });
        modelBuilder.Entity<ParameterSetting>(e =>
        {
            e.ToTable("incentives_parameter_settings");
            e.Property(p => p.ProgramId).HasMaxLength(100);
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Value).HasPrecision(24, 6);
            e.Property(p => p.SetBy).HasMaxLength(200);
            e.HasIndex(p => p.ProgramId);
        });
        modelBuilder.Entity<Application>(e =>
        {
            e.ToTable("incentives_applications");
            e.Property(a => a.ProgramId).HasMaxLength(100);
            e.Property(a => a.ApplicantName).HasMaxLength(200);
            e.Property(a => a.CitySlug).HasMaxLength(40);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.ApplicationId);
            e.HasMany(a => a.Scores).WithOne().HasForeignKey(x => x.ApplicationId);
            e.Property(a => a.ReceiptNumber).HasMaxLength(20);
            e.HasIndex(a => a.ReceiptNumber).IsUnique();
            e.HasIndex(a => new { a.ProgramId, a.Status });
            e.HasIndex(a => a.OrganisationId);
            // One open application per program and enterprise, decided by the database so concurrent submissions
            // cannot both pass the check (issue 15). The filter names the open statuses as stored (enum names).
            e.HasIndex(a => new { a.ProgramId, a.OrganisationId }).IsUnique().HasDatabaseName("IX_incentives_applications_one_open")
                .HasFilter("\"Status\" IN ('Submitted', 'Incomplete', 'UnderReview')");
        });
        modelBuilder.Entity<ApplicationStep>(e =>
        {
            e.ToTable("incentives_application_steps");
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.ActorName).HasMaxLength(200);
            e.Property(s => s.Note).HasMaxLength(2000);
            e.HasIndex(s => s.ApplicationId);
        });
        modelBuilder.Entity<Attachment>(e =>
        {
            e.ToTable("incentives_attachments");
            e.Property(a => a.DocumentKey).HasMaxLength(100);
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(100);
        });
        modelBuilder.Entity<ExpertScore>(e =>
        {
            e.ToTable("incentives_expert_scores");
            e.Property(s => s.ExpertUserId).HasMaxLength(64);
            e.HasIndex(s => new { s.ApplicationId, s.ExpertUserId }).IsUnique();
        });
        modelBuilder.Entity<ReviewAssignment>(e =>
        {
            e.ToTable("incentives_review_assignments");
            e.Property(a => a.AssignedBy).HasMaxLength(200);
            e.HasIndex(a => new { a.ApplicationId, a.ReviewerOrganisationId }).IsUnique();
            e.HasIndex(a => a.ReviewerOrganisationId);
        });
        modelBuilder.Entity<Award>(e =>
        {
            e.ToTable("incentives_awards");
            e.Property(a => a.ProgramId).HasMaxLength(100);
            e.Property(a => a.RecipientName).HasMaxLength(200);
            e.Property(a => a.Basis).HasMaxLength(32);
            e.Property(a => a.CitySlug).HasMaxLength(40);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Ignore(a => a.Amount);
            e.HasIndex(a => a.ApplicationId).IsUnique(); // one award per application, even if two approvals race
            e.HasIndex(a => new { a.ProgramId, a.Year });
            e.HasIndex(a => a.OrganisationId);
        });
        modelBuilder.Entity<AwardObjection>(e =>
        {
            e.ToTable("incentives_award_objections");
            e.Property(o => o.FiledByUserId).HasMaxLength(64);
            e.Property(o => o.Text).HasMaxLength(4000);
            e.Property(o => o.Resolution).HasMaxLength(4000);
            e.HasIndex(o => o.AwardId);
        });
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("incentives_ledger");
            e.Property(l => l.ProgramId).HasMaxLength(100);
            e.Property(l => l.Account).HasMaxLength(20);
            e.Property(l => l.CitySlug).HasMaxLength(40);
            e.Property(l => l.Memo).HasMaxLength(500);
            e.HasIndex(l => new { l.ProgramId, l.Year, l.Account });
            e.HasIndex(l => l.TransactionId);
        });
        modelBuilder.Entity<EligibilityNotice>(e =>
        {
            e.ToTable("incentives_eligibility_notices");
            e.HasKey(n => new { n.ProgramId, n.OrganisationId });
            e.Property(n => n.ProgramId).HasMaxLength(100);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("incentives_outbox");
            e.Property(m => m.Topic).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => m.DeliveredAt);
        });
    }
}

internal sealed class SqliteIncentivesDb(DbContextOptions<SqliteIncentivesDb> options) : IncentivesDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresIncentivesDb(DbContextOptions<PostgresIncentivesDb> options) : IncentivesDb(options);

internal sealed class SqliteIncentivesDbFactory() : DesignTimeFactory<SqliteIncentivesDb>(DatabaseProvider.Sqlite, IncentivesDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresIncentivesDbFactory() : DesignTimeFactory<PostgresIncentivesDb>(DatabaseProvider.Postgres, IncentivesDb.MigrationsHistoryTable, o => new(o));
