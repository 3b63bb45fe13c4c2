using System.Globalization;
using Funeng.Kernel.Database;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Startup;

/// <summary>Work a module does on every start, after migrations (create roles, load the default policy pack).</summary>
public interface IStartupInitializer
{
    /// <param name="report">What the operator is told of what was done (the pack loaded), a <c>strings.json</c> message worded in the operator's language.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    Task InitializeAsync(Action<ProblemMessage> report, CancellationToken cancellationToken);
}

/// <summary>Demo data a module adds in Development or on <c>funeng seed demo</c>. Seeding twice adds nothing.</summary>
public interface IDemoSeeder
{
    /// <summary>
    /// Adds what is missing; returns lines to show the operator once (e.g. generated passwords), as
    /// <c>strings.json</c> messages worded in the operator's language when shown.
    /// </summary>
    Task<IReadOnlyList<ProblemMessage>> SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Options of the start-up sequence (section <c>Startup</c>).</summary>
public sealed class StartupOptions
{
    public const string Section = "Startup";

    /// <summary>Apply migrations on start (the web host does; set false where a DBA migrates with <c>funeng db migrate</c>).</summary>
    public bool MigrateDatabase { get; set; } = true;

    /// <summary>Seed the demo organisations, accounts and data (true in Development).</summary>
    public bool SeedDemoData { get; set; }
}

/// <summary>Runs migrations, then every module's initializer, then (if asked) every demo seeder.</summary>
public sealed class StartupSequence(IServiceScopeFactory scopes, DatabaseMigrator migrator)
{
    /// <summary>Migrates every module's database, telling <paramref name="report"/> each step as a message for the operator.</summary>
    public async Task MigrateAsync(Action<ProblemMessage> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var database in migrator.Databases)
        {
            report(ProblemMessage.Of("startup.migrating", database.Module));
            await migrator.MigrateAsync(database, cancellationToken);
        }
    }

    /// <summary>
    /// Runs every module's initializer; what they did (<paramref name="report"/>) and a refused data file are told in
    /// the current UI culture (the command line's language).
    /// </summary>
    public Task InitializeAsync(Action<string>? report = null, CancellationToken cancellationToken = default) =>
        InitializeInAsync(CultureInfo.CurrentUICulture, report, cancellationToken);

    /// <summary>Runs every module's initializer; what they did (<paramref name="report"/>) and a refused data file are told in <paramref name="culture"/>.</summary>
    public async Task InitializeInAsync(CultureInfo culture, Action<string>? report = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var scope = scopes.CreateAsyncScope();
        var text = scope.ServiceProvider.GetRequiredService<UiText>();
        foreach (var initializer in scope.ServiceProvider.GetServices<IStartupInitializer>())
        {
            try
            {
                await initializer.InitializeAsync(message => report?.Invoke(message.In(text, culture)), cancellationToken);
            }
            catch (InvalidInputException e)
            {
                // A bad pack or program file stops the host; whoever starts it (./funeng serve, seed demo) reads each
                // problem by file, line and field in their language. The input exception is not chained: its message
                // is the same list as strings.json keys, and where it was thrown says nothing the locations do not.
                var problems = e.Describe(text, culture).SelectMany(p => p.Value.Select(m => $"  {p.Key}: {m}"));
                throw new InvalidOperationException(
                    string.Join(Environment.NewLine, [ProblemMessage.Of("startup.refused", e.Problems.Count).In(text, culture), .. problems]));
            }
        }
    }

    /// <summary>
    /// Runs every demo seeder; returns their lines for the operator in the current UI culture (the command line's
    /// language; Chinese unless it is English).
    /// </summary>
    public Task<IReadOnlyList<string>> SeedDemoAsync(CancellationToken cancellationToken = default) =>
        SeedDemoInAsync(CultureInfo.CurrentUICulture, cancellationToken);

    /// <summary>Runs every demo seeder; returns their lines for the operator in <paramref name="culture"/>.</summary>
    public async Task<IReadOnlyList<string>> SeedDemoInAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        var text = scope.ServiceProvider.GetRequiredService<UiText>();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>())
        {
            lines.AddRange((await seeder.SeedAsync(cancellationToken)).Select(line => line.In(text, culture)));
        }

        return lines;
    }
}
