using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Data;

/// <summary>The Scenarios module's data: posts, lists and quotas, challenges and their review, cases.</summary>
internal abstract class ScenariosDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__scenarios_migrations";

    public DbSet<ScenarioPost> Scenarios => Set<ScenarioPost>();

    public DbSet<ScenarioList> Lists => Set<ScenarioList>();

    public DbSet<ListQuota> Quotas => Set<ListQuota>();

    public DbSet<ListEntry> ListEntries => Set<ListEntry>();

    public DbSet<ScenarioCase> Cases => Set<ScenarioCase>();

    /// <summary>
    /// No longer written: the benchmark-case tally is the count of awards under the pack's benchmark-case program
    /// (Incentives), which both designation and approval pass through. Kept so existing rows stay readable.
    /// </summary>
    public DbSet<BenchmarkTally> BenchmarkTallies => Set<BenchmarkTally>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<ChallengeScenario> ChallengeScenarios => Set<ChallengeScenario>();

    public DbSet<Criterion> Criteria => Set<Criterion>();

    public DbSet<Entry> Entries => Set<Entry>();

    public DbSet<EntryMember> EntryMembers => Set<EntryMember>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<PartnerRequest> PartnerRequests => Set<PartnerRequest>();

    public DbSet<RosterExpert> Roster => Set<RosterExpert>();

    public DbSet<PanelMember> Panel => Set<PanelMember>();

    public DbSet<ConflictDeclaration> Conflicts => Set<ConflictDeclaration>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<CriterionScore> CriterionScores => Set<CriterionScore>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<Approach> Approaches => Set<Approach>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScenarioPost>(e =>
        {
            e.ToTable("scenarios_posts");
            e.Property(p => p.CreatedByUserId).HasMaxLength(64);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Problem).HasMaxLength(4000);
            e.Property(p => p.ExpectedOutcome).HasMaxLength(4000);
            e.Property(p => p.Sector).HasMaxLength(40);
            e.Property(p => p.CitySlug).HasMaxLength(40);
            e.Property(p => p.District).HasMaxLength(60);
            e.Property(p => p.DataAvailable).HasMaxLength(2000);
            e.Property(p => p.BudgetMin).HasPrecision(18, 2);
            e.Property(p => p.BudgetMax).HasPrecision(18, 2);
            e.Property(p => p.ContactName).HasMaxLength(100);
            e.Property(p => p.ContactDetail).HasMaxLength(200);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.ReturnReason).HasMaxLength(2000);
            e.HasIndex(p => new { p.Status, p.Sector, p.CitySlug });
            e.HasIndex(p => new { p.Status, p.Sector, p.PublishedAt });
            e.HasIndex(p => new { p.Status, p.CitySlug, p.PublishedAt });
            e.HasIndex(p => p.OwnerOrganisationId);
        });
        modelBuilder.Entity<ScenarioList>(e =>
        {
            e.ToTable("scenarios_lists");
            e.Property(l => l.TitleZh).HasMaxLength(200);
            e.Property(l => l.TitleEn).HasMaxLength(200);
            e.Property(l => l.Scope).HasMaxLength(40);
            e.HasMany(l => l.Quotas).WithOne().HasForeignKey(q => q.ListId);
            e.HasMany(l => l.Entries).WithOne().HasForeignKey(q => q.ListId);
        });
        modelBuilder.Entity<ListQuota>(e =>
        {
            e.ToTable("scenarios_list_quotas");
            e.Property(q => q.Sector).HasMaxLength(40);
            e.Property(q => q.Scope).HasMaxLength(40);
            e.Property(q => q.PolicyTargetId).HasMaxLength(100);
        });
        modelBuilder.Entity<ListEntry>(e =>
        {
            e.ToTable("scenarios_list_entries");
            e.HasKey(x => new { x.ListId, x.ScenarioId });
        });
        modelBuilder.Entity<ScenarioCase>(e =>
        {
            e.ToTable("scenarios_cases");
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.Summary).HasMaxLength(4000);
            e.HasIndex(c => c.ScenarioId).IsUnique();
            e.HasIndex(c => c.BenchmarkYear);
            e.HasMany(c => c.Outcomes).WithOne().HasForeignKey(o => o.CaseId);
        });
        modelBuilder.Entity<CaseOutcome>(e =>
        {
            e.ToTable("scenarios_case_outcomes");
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Unit).HasMaxLength(32);
            e.Property(o => o.Value).HasPrecision(24, 4);
        });
        modelBuilder.Entity<BenchmarkTally>(e =>
        {
            e.ToTable("scenarios_benchmark_tallies");
            e.HasKey(t => t.Year);
            e.Property(t => t.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<Follow>(e =>
        {
            e.ToTable("scenarios_follows");
            e.HasKey(f => new { f.UserId, f.EntityType, f.EntityId });
            e.Property(f => f.UserId).HasMaxLength(64);
            e.Property(f => f.EntityType).HasMaxLength(16);
            e.HasIndex(f => new { f.EntityType, f.EntityId });
        });
        OnChallengesCreating(modelBuilder);
    }

    private static void OnChallengesCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Challenge>(e =>
        {
            e.ToTable("scenarios_challenges");
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.Requirements).HasMaxLength(4000);
            e.Property(c => c.Eligibility).HasMaxLength(2000);
            e.Property(c => c.AwardDescription).HasMaxLength(1000);
            e.Property(c => c.AwardAmount).HasPrecision(18, 2);
            e.Property(c => c.Phases).HasMaxLength(400);
            e.Property(c => c.EarlyCloseReason).HasMaxLength(1000);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Ignore(c => c.PhaseNames);
            e.HasMany(c => c.Scenarios).WithOne().HasForeignKey(s => s.ChallengeId);
            e.HasMany(c => c.Criteria).WithOne().HasForeignKey(s => s.ChallengeId);
        });
        modelBuilder.Entity<ChallengeScenario>(e =>
        {
            e.ToTable("scenarios_challenge_scenarios");
            e.HasKey(x => new { x.ChallengeId, x.ScenarioId });
        });
        modelBuilder.Entity<Criterion>(e =>
        {
            e.ToTable("scenarios_challenge_criteria");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Weight).HasPrecision(9, 4);
        });
        modelBuilder.Entity<Entry>(e =>
        {
            e.ToTable("scenarios_entries");
            e.Property(x => x.Label).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Solution).HasMaxLength(8000);
            e.Property(x => x.SubmittedByUserId).HasMaxLength(64);
            e.Property(x => x.FinalScore).HasPrecision(9, 4);
            e.HasIndex(x => new { x.ChallengeId, x.Label }).IsUnique();
            e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.EntryId);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(m => m.EntryId);
        });
        modelBuilder.Entity<EntryMember>(e =>
        {
            e.ToTable("scenarios_entry_members");
            e.HasKey(x => new { x.EntryId, x.OrganisationId });
            e.HasIndex(x => new { x.ChallengeId, x.OrganisationId }).IsUnique();
        });
        modelBuilder.Entity<PartnerRequest>(e =>
        {
            e.ToTable("scenarios_partner_requests");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AnsweredByUserId).HasMaxLength(64);
            e.HasIndex(x => new { x.EntryId, x.OrganisationId }).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.Status });
        });
        modelBuilder.Entity<Attachment>(e =>
        {
            e.ToTable("scenarios_attachments");
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<RosterExpert>(e =>
        {
            e.ToTable("scenarios_roster");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Fields).HasMaxLength(400);
        });
        modelBuilder.Entity<PanelMember>(e =>
        {
            e.ToTable("scenarios_panel");
            e.HasKey(x => new { x.ChallengeId, x.ExpertUserId });
            e.Property(x => x.ExpertUserId).HasMaxLength(64);
        });
        modelBuilder.Entity<ConflictDeclaration>(e =>
        {
            e.ToTable("scenarios_conflicts");
            e.Property(x => x.ExpertUserId).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.HasIndex(x => new { x.ChallengeId, x.ExpertUserId });
        });
        modelBuilder.Entity<Evaluation>(e =>
        {
            e.ToTable("scenarios_evaluations");
            e.Property(x => x.ExpertUserId).HasMaxLength(64);
            e.Property(x => x.Score).HasPrecision(9, 4);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => new { x.EntryId, x.Phase, x.ExpertUserId }).IsUnique();
            e.HasMany(x => x.Scores).WithOne().HasForeignKey(s => s.EvaluationId);
        });
        modelBuilder.Entity<CriterionScore>(e =>
        {
            e.ToTable("scenarios_criterion_scores");
            e.HasKey(x => new { x.EvaluationId, x.CriterionId });
            e.Property(x => x.Score).HasPrecision(9, 4);
        });
        modelBuilder.Entity<Objection>(e =>
        {
            e.ToTable("scenarios_objections");
            e.Property(x => x.FiledByUserId).HasMaxLength(64);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Resolution).HasMaxLength(2000);
        });
        modelBuilder.Entity<Approach>(e =>
        {
            e.ToTable("scenarios_approaches");
            e.Property(x => x.SupplierNameZh).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CreatedByUserId).HasMaxLength(64);
            e.Property(x => x.DecidedByUserId).HasMaxLength(64);
            e.HasIndex(x => new { x.ScenarioId, x.SupplierOrganisationId, x.Kind }).IsUnique();
            e.HasIndex(x => x.SupplierOrganisationId);
        });
    }
}

internal sealed class SqliteScenariosDb(DbContextOptions<SqliteScenariosDb> options) : ScenariosDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresScenariosDb(DbContextOptions<PostgresScenariosDb> options) : ScenariosDb(options);

internal sealed class SqliteScenariosDbFactory() : DesignTimeFactory<SqliteScenariosDb>(DatabaseProvider.Sqlite, ScenariosDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresScenariosDbFactory() : DesignTimeFactory<PostgresScenariosDb>(DatabaseProvider.Postgres, ScenariosDb.MigrationsHistoryTable, o => new(o));
