using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// Gives a public row its <see cref="PublicRecord.FilingOrder"/> when it is added: on PostgreSQL from one sequence shared by the
/// public tables (concurrent approvals never draw the same), on SQLite, whose writers take turns, one past the table's last
/// (and past the rows added but not yet saved, as a backfill adds a batch before saving it).
/// </summary>
public static class FilingOrders
{
    public const string Sequence = "PublicFilingOrders";

    /// <summary>
    /// How long after its filing time a site's place may be drawn and still count as in filing order; a place drawn later
    /// is recorded (<see cref="PublicWebsiteLatePlace"/>). An approval draws it in the transaction that stamps the time;
    /// the margin covers clocks of nodes that disagree (and the benchmark's generator, which files a subject's sites 7
    /// minutes apart before the next subject's).
    /// </summary>
    public static readonly TimeSpan OnTime = TimeSpan.FromMinutes(30);

    public static async Task<int> NextAsync<TRow>(BeianDbContext db, CancellationToken cancellationToken) where TRow : PublicRecord
    {
        if (db.Database.IsNpgsql())
            return (int)await db.Database.SqlQueryRaw<long>($"SELECT nextval('\"{Sequence}\"') AS \"Value\"").SingleAsync(cancellationToken);
        var stored = await db.Set<TRow>().MaxAsync(r => (int?)r.FilingOrder, cancellationToken) ?? 0;
        var added = db.ChangeTracker.Entries<TRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.FilingOrder).DefaultIfEmpty().Max();
        return Math.Max(stored, added) + 1;
    }
}
