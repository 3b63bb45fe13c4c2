using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Compute.Tests.Requests;

public sealed class RoundLockOnPostgres(ComputePostgresApp app) : IClassFixture<ComputePostgresApp>
{
    [Fact]
    public async Task A_second_connection_cannot_start_a_round_while_one_runs_and_can_once_it_ends()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var other = second.ServiceProvider.GetRequiredService<ComputeDb>();

        await using (await RoundLock.AcquireAsync(first.ServiceProvider.GetRequiredService<ComputeDb>(), ct))
        {
            Assert.False(await TryLockAsync(other, ct)); // what another web process would find
        }

        Assert.True(await TryLockAsync(other, ct));
        await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({RoundLock.Key})", ct);
        await other.Database.CloseConnectionAsync();
    }

    private static async Task<bool> TryLockAsync(ComputeDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({RoundLock.Key}) AS \"Value\"").SingleAsync(ct);
    }
}
