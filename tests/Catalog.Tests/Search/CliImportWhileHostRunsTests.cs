using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Database;
using Funeng.TestSupport;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// Issue 18: the command-line import while web hosts run, as real processes. Exactly one process writes each index
/// folder (decided by its lock), the CLI's exit code follows the database transaction, and the hosts catch up.
/// </summary>
public sealed class CliImportWhileHostRunsTests
{
    private const int Runs = 20;
    private const int RowsPerRun = 3;
    private const int CatchUpSeconds = 1;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bug_18_twenty_cli_imports_while_the_web_host_serves_searches_all_exit_0_and_become_searchable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"funeng-18-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Default Timeout=30";
        var index = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".catalog-index");
        try
        {
            await using var host = await HostProcess.StartWebAsync(DatabaseProvider.Sqlite, connection, index, CatchUpSeconds, Token);
            await ImportWhileServingAsync(DatabaseProvider.Sqlite, connection, [(host, index)]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            if (System.IO.Directory.Exists(index))
            {
                System.IO.Directory.Delete(index, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Bug_18_twenty_cli_imports_while_two_web_hosts_on_postgres_serve_searches_all_exit_0_and_reach_both_replicas()
    {
        var database = $"funeng_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ServerConnectionString()) { Database = database }.ConnectionString;
        var folder = Path.Combine(Path.GetTempPath(), $"funeng-18-{Guid.NewGuid():N}");
        var (first, second) = (Path.Combine(folder, "web1"), Path.Combine(folder, "web2"));
        try
        {
            // The database is created and migrated first, as a deployment does (`funeng db migrate`): EF logs its
            // probes of a database that does not exist yet as failures, which would hide a real one in the hosts' logs.
            var (migrated, migration) = await HostProcess.RunCliAsync(DatabaseProvider.Postgres, connection, first, Token, "db", "migrate");
            Assert.True(migrated == 0, migration);
            await using var web1 = await HostProcess.StartWebAsync(DatabaseProvider.Postgres, connection, first, CatchUpSeconds, Token);
            await using var web2 = await HostProcess.StartWebAsync(DatabaseProvider.Postgres, connection, second, CatchUpSeconds, Token);
            await ImportWhileServingAsync(DatabaseProvider.Postgres, connection, [(web1, first), (web2, second)]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ServerConnectionString()) { Database = "postgres" }.ConnectionString))
            {
                await server.OpenAsync(CancellationToken.None);
                await using var drop = server.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }

            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Imports <see cref="Runs"/> small files with the CLI while every host is searched without pause; then checks
    /// exit codes, that each run's rows reach every host, both logs, and index against database.
    /// </summary>
    private static async Task ImportWhileServingAsync(DatabaseProvider provider, string connection, (HostProcess Host, string Index)[] hosts)
    {
        var searchFailures = new ConcurrentBag<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var searching = hosts.Select(h => SearchWithoutPauseAsync(h.Host, searchFailures, stop.Token)).ToList();
        var slowest = TimeSpan.Zero;
        for (var run = 1; run <= Runs; run++)
        {
            var csv = Path.Combine(Path.GetTempPath(), $"funeng-18-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(csv, ImportFile(run), Token);
            try
            {
                // The CLI is pointed at the (first) host's index folder, whose lock that host holds; other replicas catch up from the database.
                var (exit, output) = await HostProcess.RunCliAsync(provider, connection, hosts[0].Index, Token, "catalog", "import", csv);
                Assert.True(exit == 0, $"run {run} exited {exit}:\n{output}");
                Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
                Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
                // The host holds the index, so the CLI did not write it. If it did, the host's log says why it let go.
                Assert.True(output.Contains("Catalog:IndexCatchUpSeconds", StringComparison.Ordinal),
                    $"run {run}: the CLI found the index lock of {hosts[0].Index} free:\n{output}\nweb host {hosts[0].Host.Address} (exited: {hosts[0].Host.HasExited}):\n{hosts[0].Host.Log}");
            }
            finally
            {
                File.Delete(csv);
            }

            var committed = DateTime.UtcNow;
            foreach (var (host, _) in hosts)
            {
                await SearchableAsync(host, run);
            }

            slowest = DateTime.UtcNow - committed > slowest ? DateTime.UtcNow - committed : slowest;
        }

        await stop.CancelAsync();
        await Task.WhenAll(searching);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Runs} imports; slowest until searchable on every host: {slowest.TotalSeconds:0.0} s (catch-up every {CatchUpSeconds} s)");
        Assert.Empty(searchFailures);
        var published = await PublishedListingsAsync(provider, connection);
        Assert.Equal(Runs * RowsPerRun, published);
        foreach (var (host, index) in hosts)
        {
            Assert.DoesNotContain("fail:", host.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("crit:", host.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("catch-up failed", host.Log, StringComparison.Ordinal);
            Assert.Equal(published, await IndexedListingsAsync(index));
        }
    }

    private static string ImportFile(int run)
    {
        var csv = new StringBuilder("type,source,source_id,owner_name_zh,owner_city,title_zh,title_en,summary_zh,city,sectors\n");
        for (var row = 1; row <= RowsPerRun; row++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"algorithm_product,issue18,r{run}-{row},进程测试公司{run},guangzhou,并发导入测试{run}之{row},{Word(run, row)},,guangzhou,elder_care\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// A word found in exactly one listing, all letters: the word analyzer splits letters from digits, so
    /// "zqrun3x1" would search as "zqrun" and find every run's rows.
    /// </summary>
    private static string Word(int run, int row) => $"zq{Letters(run)}x{Letters(row)}";

    private static string Letters(int number) => string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(d => (char)('a' + (d - '0'))));

    /// <summary>Waits until the host finds every row of the run; the catch-up runs every second, so this is a bound, not a timing.</summary>
    private static async Task SearchableAsync(HostProcess host, int run)
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        var deadline = DateTime.UtcNow.AddSeconds(CatchUpSeconds + 60);
        for (var row = 1; row <= RowsPerRun; row++)
        {
            while (true)
            {
                var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/catalog/search?q={Word(run, row)}", Token);
                if (found.GetProperty("hits").GetArrayLength() == 1)
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"run {run} row {row} not searchable on {host.Address}: {found}\n{host.Log}");
                await Task.Delay(100, Token);
            }
        }
    }

    private static async Task SearchWithoutPauseAsync(HostProcess host, ConcurrentBag<string> failures, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var response = await client.GetAsync("/api/v1/catalog/search?q=并发导入测试&size=50", stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{host.Address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<long> PublishedListingsAsync(DatabaseProvider provider, string connection)
    {
        const string sql = "SELECT COUNT(*) FROM catalog_listings WHERE \"Status\" = 'Published'";
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(connection);
            await sqlite.OpenAsync(Token);
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture);
        }

        await using var postgres = new NpgsqlConnection(connection);
        await postgres.OpenAsync(Token);
        await using var count = postgres.CreateCommand();
        count.CommandText = sql;
        return Convert.ToInt64(await count.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Published listing documents in the index folder, read as another process reads it (committed segments only).
    /// The host's last commit may trail its searches by one catch-up round, so this waits for the two to agree.
    /// </summary>
    private static async Task<long> IndexedListingsAsync(string folder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(CatchUpSeconds + 30);
        long count;
        do
        {
            using var directory = FSDirectory.Open(folder);
            using var reader = DirectoryReader.Open(directory);
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(Catalog.Search.IndexFields.Role, Catalog.Search.IndexFields.RolePublished)), Occur.MUST },
                { new TermQuery(new Term(Catalog.Search.IndexFields.Kind, Contracts.CatalogHitKind.Listing.ToString())), Occur.MUST },
            };
            count = new IndexSearcher(reader).Search(query, 1).TotalHits;
            if (count == Runs * RowsPerRun)
            {
                return count;
            }

            await Task.Delay(200, Token);
        }
        while (DateTime.UtcNow < deadline);
        return count;
    }
}
