using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Requests;

/// <summary>
/// Reading never writes: vouchers are pushed to Compute when an award changes, so no GET of the voucher and request
/// pages or API saves a context or sends an INSERT, UPDATE or DELETE (seen through EF Core's diagnostics, for every
/// module's context, on the requests this test marks).
/// </summary>
// On the whole app (FunengApp), not Compute's module-only host: the voucher read comes from a real Incentives award,
// and the check watches every module's context for writes.
public abstract partial class ReadsWriteNothingTests(FunengApp app)
{
    private const string Marker = "X-Funeng-Test-Read";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_get_of_the_voucher_and_request_pages_or_api_writes_anything()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await IncentiveVoucherTests.AwardComputeVoucherAsync(office, enterprise);
        var voucher = Assert.Single(await VouchersAsync(enterprise));
        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Read only", "guangzhou", accelerator, devices: 8, price: 10m);
        var request = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 1, vouchers: [voucher.Id]);
        using var browser = await app.SignInAsync(enterprise, Ct);

        using var writes = new WritesDuringReads(app.Services.GetRequiredService<IHttpContextAccessor>());
        foreach (var api in new[] { "/api/v1/compute/vouchers/mine", "/api/v1/compute/requests/mine", $"/api/v1/compute/requests/{request.Id}", "/api/v1/compute/reports/usage" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(enterprise.Client, api)).StatusCode);
        }

        foreach (var page in new[] { "/compute/requests", "/compute/requests/new", $"/compute/requests/{request.Id}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(browser, page)).StatusCode);
        }

        Assert.True(writes.Seen.IsEmpty, string.Join(Environment.NewLine, writes.Seen));
        Assert.True(writes.Commands > 0, "the probe saw no command at all, so it could not have seen a write either");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        message.Headers.Add(Marker, "1");
        return await client.SendAsync(message, Ct);
    }

    /// <summary>Records every write EF Core is asked to make while serving a marked GET, in any module's context.</summary>
    private sealed partial class WritesDuringReads : IDisposable
    {
        private readonly IHttpContextAccessor _http;
        private readonly EfCoreEvents _events;

        public WritesDuringReads(IHttpContextAccessor http)
        {
            _http = http;
            _events = new EfCoreEvents(OnEvent);
        }

        public ConcurrentQueue<string> Seen { get; } = new();

        /// <summary>Every command sent for a marked GET, reads included: proof that the probe sees them.</summary>
        public int Commands => _commands;

        private int _commands;

        private void OnEvent(string name, object? payload)
        {
            if (_http.HttpContext?.Request is not { } request || !HttpMethods.IsGet(request.Method) || !request.Headers.ContainsKey(Marker))
            {
                return;
            }

            if (name == RelationalEventId.CommandExecuting.Name)
            {
                Interlocked.Increment(ref _commands);
            }

            var write = payload switch
            {
                CommandEventData command when name == RelationalEventId.CommandExecuting.Name && WriteStatement().IsMatch(command.Command.CommandText) => command.Command.CommandText,
                DbContextEventData context when name == CoreEventId.SaveChangesStarting.Name => $"SaveChanges on {context.Context?.GetType().Name}",
                _ => null,
            };
            if (write is not null)
            {
                Seen.Enqueue($"GET {request.Path}: {write}");
            }
        }

        public void Dispose() => _events.Dispose();

        [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
        private static partial Regex WriteStatement();
    }
}

public sealed class ReadsWriteNothingOnSqlite(SqliteApp app) : ReadsWriteNothingTests(app), IClassFixture<SqliteApp>;

public sealed class ReadsWriteNothingOnPostgres(PostgresApp app) : ReadsWriteNothingTests(app), IClassFixture<PostgresApp>;
