using System.Text;
using Funeng.Incentives.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Funeng.Incentives.Awards;

/// <summary>
/// Opens the transaction in which a program's money moves, holding the program's lock until it ends, so that two
/// approvals never both read the same remaining budget, quota or cap. PostgreSQL: a transaction-scoped advisory
/// lock on the program. SQLite: Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which takes the
/// database's write lock at once, so writers queue (up to the busy timeout) instead of reading stale balances.
/// </summary>
internal static class ProgramLock
{
    public static async Task<IDbContextTransaction> BeginAsync(IncentivesDb db, string programId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var key = Key(programId);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }

        return transaction;
    }

    /// <summary>A stable 64-bit key per program (FNV-1a), offset so it does not meet other modules' keys.</summary>
    private static long Key(string programId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("incentives:" + programId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
