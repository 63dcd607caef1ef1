using System.Runtime.CompilerServices;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Audit;

/// <summary>
/// 归档记录: searches the archived audit records of a period, block by block (one decompressed at a time), with the same
/// filters as the rows (applied in memory) and the same pager and cursors (<see cref="KeysetPaging"/>), newest first by
/// sequence. Blocks never change once written, so a cursor stays exact.
/// </summary>
public sealed class AuditArchive(BeianDbContext db)
{
    public static readonly KeysetOrder<AuditRecord> Order = KeysetOrder<AuditRecord>.By(r => r.Sequence, descending: true);

    public sealed record Span(DateTime FromAt, DateTime ToAt, long Records);

    /// <summary>The earliest and latest time the blocks hold, and how many records; null before the first block.</summary>
    public async Task<Span?> SpanAsync(CancellationToken cancellationToken)
    {
        var span = await db.AuditBlocks.GroupBy(_ => 1)
            .Select(g => new { From = g.Min(b => b.FromAt), To = g.Max(b => b.ToAt), Records = g.Sum(b => (long)b.RecordCount) })
            .FirstOrDefaultAsync(cancellationToken);
        return span == null ? null : new Span(span.From, span.To, span.Records);
    }

    /// <summary>The matches of <paramref name="filter"/> among the records archived between the two times: a bounded count and the page the cursor addresses.</summary>
    public async Task<(BoundedCount Total, KeysetPage<AuditRecord> Page)> SearchAsync(DateTime fromUtc, DateTime toUtc,
        Func<IQueryable<AuditRecord>, IQueryable<AuditRecord>> filter, string? cursor, int pageSize, int bound, CancellationToken cancellationToken)
    {
        var blocks = await db.AuditBlocks.AsNoTracking().Where(b => b.FromAt < toUtc && b.ToAt >= fromUtc).OrderBy(b => b.FirstSequence)
            .Select(b => new BlockKey(b.FirstSequence, b.LastSequence)).ToListAsync(cancellationToken);
        var search = new Search(db, blocks, records => filter(records.AsQueryable()).Where(r => r.At >= fromUtc && r.At < toUtc));

        var counted = 0;
        await foreach (var _ in search.MatchesAsync(newestFirst: true, beyond: null, cancellationToken))
            if (++counted > bound) break;
        return (new BoundedCount(counted, bound), await search.PageAsync(cursor, pageSize, cancellationToken));
    }

    private sealed record BlockKey(long First, long Last);

    private sealed class Search(BeianDbContext db, IReadOnlyList<BlockKey> blocks, Func<IEnumerable<AuditRecord>, IQueryable<AuditRecord>> filter)
    {
        private readonly Dictionary<long, List<AuditRecord>> _matches = [];

        public async Task<KeysetPage<AuditRecord>> PageAsync(string? cursor, int size, CancellationToken cancellationToken)
        {
            if (cursor == KeysetPaging.LastCursor)
            {
                var oldest = await TakeAsync(newestFirst: false, beyond: null, size + 1, cancellationToken);
                return KeysetPaging.Page(Order, oldest, size, reversed: true, hasPrevious: oldest.Count > size, hasNext: false);
            }
            if (KeysetPaging.After(Order, cursor) is [long after])
            {
                var rows = await TakeAsync(newestFirst: true, beyond: after, size + 1, cancellationToken);
                if (rows.Count == 0) return await PageAsync(KeysetPaging.LastCursor, size, cancellationToken);
                return KeysetPaging.Page(Order, rows, size, reversed: false, hasPrevious: true, hasNext: rows.Count > size);
            }
            if (KeysetPaging.Before(Order, cursor) is [long before])
            {
                var rows = await TakeAsync(newestFirst: false, beyond: before, size + 1, cancellationToken);
                if (rows.Count <= size) return await PageAsync(null, size, cancellationToken);
                return KeysetPaging.Page(Order, rows, size, reversed: true, hasPrevious: true, hasNext: true);
            }
            var newest = await TakeAsync(newestFirst: true, beyond: null, size + 1, cancellationToken);
            return KeysetPaging.Page(Order, newest, size, reversed: false, hasPrevious: false, hasNext: newest.Count > size);
        }

        /// <summary>The matches in sequence order, newest or oldest first, past the sequence <paramref name="beyond"/> in that direction.</summary>
        public async IAsyncEnumerable<AuditRecord> MatchesAsync(bool newestFirst, long? beyond, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var keys = newestFirst ? blocks.Reverse() : blocks;
            foreach (var key in keys)
            {
                if (beyond is { } edge && (newestFirst ? key.First >= edge : key.Last <= edge)) continue;
                var matches = await MatchesOfAsync(key, cancellationToken);
                for (var i = 0; i < matches.Count; i++)
                {
                    var record = matches[newestFirst ? matches.Count - 1 - i : i];
                    if (beyond is { } start && (newestFirst ? record.Sequence >= start : record.Sequence <= start)) continue;
                    yield return record;
                }
            }
        }

        /// <summary>A block's matches in sequence order; each block is decompressed once a request (the count and the page read the same).</summary>
        private async Task<List<AuditRecord>> MatchesOfAsync(BlockKey key, CancellationToken cancellationToken)
        {
            if (_matches.TryGetValue(key.First, out var known)) return known;
            var block = await db.AuditBlocks.AsNoTracking().Where(b => b.FirstSequence == key.First).SingleAsync(cancellationToken);
            var matches = filter(block.Contents()).ToList();
            _matches[key.First] = matches;
            return matches;
        }

        private async Task<List<AuditRecord>> TakeAsync(bool newestFirst, long? beyond, int count, CancellationToken cancellationToken)
        {
            var rows = new List<AuditRecord>(count);
            await foreach (var record in MatchesAsync(newestFirst, beyond, cancellationToken))
            {
                rows.Add(record);
                if (rows.Count == count) break;
            }
            return rows;
        }
    }
}
