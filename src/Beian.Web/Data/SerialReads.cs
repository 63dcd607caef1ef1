using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Data;

/// <summary>
/// A read on PostgreSQL in a transaction of its own, one snapshot, without parallel workers or JIT compilation. For
/// reads the planner misjudges on a small, busy server: the workers it sends wait for a core longer than the read
/// takes (an export of 38,374 sites ran 1.1 s with two workers, 0.34 s without), and it compiles an export's or a
/// report's plan (~0.1 s) that runs once. SQLite, and a read inside a transaction already open, read as they are.
/// </summary>
public static class SerialReads
{
    public static async Task<IAsyncDisposable?> BeginAsync(BeianDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction != null) return null;
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off", cancellationToken);
        return transaction;
    }
}
