using System.Linq.Expressions;
using Beian.Core.PublicQuery;
using Beian.Web.Data;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The public name index (<see cref="PublicWebsiteGram"/>) for lists of filed websites that are not 公共查询
/// (已备案网站's 网站名称): a site whose name holds the words is one whose entry under the query's rarest gram exists
/// (and, for three characters or more, whose name key holds the whole words). A list reads either that gram's
/// entries in filing order (<see cref="EntriesAsync"/>) or, for each of its sites, its entry by (Gram, FilingOrder)
/// (<see cref="ContainingAsync"/>), never a scan of every name.
/// It holds the websites whose number is in force, the very rows of a police list of filed websites.
/// </summary>
public static class WebsiteNameIndex
{
    /// <summary>
    /// The entries of the sites whose name holds the words, under the query's rarest gram (for three characters or more
    /// rechecked on the name key); null when the words hold no character the index keeps (nothing to filter by).
    /// Read in <see cref="NameIndexEntry.FilingOrder"/> order they are one range of the index's key, newest or oldest first.
    /// </summary>
    public static async Task<IQueryable<NameIndexEntry>?> EntriesAsync(BeianDbContext db, string words, CancellationToken cancellationToken)
    {
        var key = NameGrams.Normalize(words);
        var grams = NameGrams.CodesForQuery(key);
        if (grams.Count == 0) return null;
        var gram = await RarestAsync(db, grams, cancellationToken);
        var rows = db.PublicWebsites.AsNoTracking();
        if (NameIndexSql.NeedsRecheck(key)) rows = rows.Where(p => p.NameKey.Contains(key));
        return db.PublicWebsiteGrams.AsNoTracking().Where(g => g.Gram == gram)
            .Join(rows, g => g.FilingOrder, p => p.FilingOrder, (g, p) => new NameIndexEntry { FilingOrder = g.FilingOrder, WebsiteId = p.WebsiteId, FiledAt = p.FiledAt });
    }

    /// <summary>The condition on a site, or null when the words hold no character the index keeps (nothing to filter by).</summary>
    public static async Task<Expression<Func<Website, bool>>?> ContainingAsync(BeianDbContext db, string words, CancellationToken cancellationToken)
    {
        if (await EntriesAsync(db, words, cancellationToken) is not { } entries) return null;
        return w => entries.Any(e => e.WebsiteId == w.Id);
    }

    /// <summary>
    /// A place in filing order before every site filed at or after <paramref name="fromUtc"/> (null when none is), so that a
    /// list of the name index's entries from that time on reads one range of the index instead of every older entry. A site's
    /// place is drawn as its number comes into force, moments after its filing time is stamped, so a site filed later than
    /// another may hold an earlier place only by those moments: the least place among the first hundred sites filed from that
    /// time on is below all of theirs. A site projected late (the backfill of sites filed before the public tables) holds a
    /// later place than its time, which a lower bound never misses.
    /// </summary>
    public static async Task<int?> FirstPlaceFiledFromAsync(BeianDbContext db, DateTime fromUtc, CancellationToken cancellationToken) =>
        await db.PublicWebsites.AsNoTracking().Where(p => p.FiledAt >= fromUtc).OrderBy(p => p.FiledAt).Take(100)
            .MinAsync(p => (int?)p.FilingOrder, cancellationToken);

    /// <summary>
    /// A place in filing order after every site filed in the period (null when none is known: nothing filed since), so that a
    /// list of the name index's entries of a period ends where the period does instead of reading every newer entry. A site
    /// filed at least <see cref="FilingOrders.OnTime"/> after <paramref name="toUtc"/> drew its place after every site filed
    /// before it that drew on time, so any such site's place will do; those that drew late are in
    /// <see cref="PublicWebsiteLatePlace"/>.
    /// </summary>
    public static async Task<int?> PlaceAfterFiledBeforeAsync(BeianDbContext db, DateTime? fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var after = toUtc + FilingOrders.OnTime;
        var next = await db.PublicWebsites.AsNoTracking().Where(p => p.FiledAt >= after).OrderBy(p => p.FiledAt)
            .Select(p => (int?)p.FilingOrder).FirstOrDefaultAsync(cancellationToken);
        if (next == null) return null;
        var late = db.PublicWebsiteLatePlaces.AsNoTracking().Where(l => l.FiledAt < toUtc);
        if (fromUtc is { } from) late = late.Where(l => l.FiledAt >= from);
        var lastLate = await late.MaxAsync(l => (int?)l.FilingOrder, cancellationToken);
        return lastLate is { } place && place >= next ? place + 1 : next;
    }

    /// <summary>
    /// The gram the fewest names hold: a common one by its count in <see cref="CommonGram"/>, any other
    /// counted up to <see cref="CommonGrams.Threshold"/> (as the public query chooses its driving gram).
    /// </summary>
    private static async Task<int> RarestAsync(BeianDbContext db, IReadOnlyList<int> grams, CancellationToken cancellationToken)
    {
        if (grams.Count == 1) return grams[0];
        var common = await db.CommonGrams.AsNoTracking().Where(c => grams.Contains(c.Gram)).ToDictionaryAsync(c => c.Gram, c => c.Count, cancellationToken);
        var counts = new Dictionary<int, int>();
        foreach (var gram in grams)
            counts[gram] = common.TryGetValue(gram, out var count)
                ? count
                : await db.PublicWebsiteGrams.Where(g => g.Gram == gram).Take(CommonGrams.Threshold).CountAsync(cancellationToken);
        return grams.OrderBy(g => counts[g]).ThenBy(g => g).First();
    }
}

/// <summary>A filed site's entry under a gram of the name index: its place in filing order, the site and when it was filed.</summary>
public sealed class NameIndexEntry
{
    public int FilingOrder { get; init; }
    public Guid WebsiteId { get; init; }
    public DateTime FiledAt { get; init; }
}
