using Funeng.Compute.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// Serialises placement rounds across web processes. A round reads the bookings, then commits one placement at a
/// time, so two processes running rounds at once could book the same devices. PostgreSQL: a session advisory lock
/// held on the round's own connection from the first read to the last commit (released if the process dies, as
/// its session ends). SQLite has no such lock; a SQLite deployment is one process, and the in-process semaphore of
/// <see cref="PlaceRequests"/> covers it.
/// </summary>
internal sealed class RoundLock : IAsyncDisposable
{
    /// <summary>FNV-1a of "compute:placement-round": any fixed number other modules do not use.</summary>
    public const long Key = unchecked((long)0x788d_96eb_43f4_4096UL);

    private readonly ComputeDb? _db;

    private RoundLock(ComputeDb? db) => _db = db;

    public static async Task<RoundLock> AcquireAsync(ComputeDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new RoundLock(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new RoundLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            await _db.Database.CloseConnectionAsync();
        }
    }
}
