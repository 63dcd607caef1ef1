using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.Paging;

/// <summary>
/// One page of a keyset-paged list and the cursors of the pages beside it. A page is addressed by the
/// query-string value <c>cursor</c>: none for 首页, <c>last</c> for 末页, <c>n.KEYS</c> for the rows after
/// the row whose keys these are (下一页) and <c>p.KEYS</c> for the rows before it (上一页). A cursor that
/// does not parse is the first page: it only ever narrows the query it is applied to, so a forged one
/// shows nothing the query would not.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Rows, string? Previous, string? Next)
{
    public bool IsFirst => Previous == null;
    public bool IsLast => Next == null;
}

public static class KeysetPaging
{
    public const string QueryKey = "cursor";
    public const string LastCursor = "last";
    private const string AfterPrefix = "n.";
    private const string BeforePrefix = "p.";

    /// <summary>The page of <paramref name="query"/> in <paramref name="order"/> that <paramref name="cursor"/> addresses.</summary>
    public static async Task<KeysetPage<T>> PageAsync<T>(this IQueryable<T> query, KeysetOrder<T> order, string? cursor, int size,
        CancellationToken cancellationToken)
    {
        if (cursor == LastCursor) return await EndAsync(query, order, size, fromLast: true, cancellationToken);
        if (After(order, cursor) is { } after)
        {
            var rows = await ReadAsync(query.Where(order.After(after)), order, size, reversed: false, cancellationToken);
            // The rows after it gone since the page was shown: 末页.
            if (rows.Count == 0) return await EndAsync(query, order, size, fromLast: true, cancellationToken);
            var hasPrevious = await query.AnyAsync(order.After(order.KeysOf(rows[0]), reversed: true), cancellationToken);
            return Page(order, rows, size, reversed: false, hasPrevious, hasNext: rows.Count > size);
        }
        if (Before(order, cursor) is { } before)
        {
            var rows = await ReadAsync(query.Where(order.After(before, reversed: true)), order, size, reversed: true, cancellationToken);
            // The rows before it gone since the page was shown: 首页. (Fewer than a page is the first page, short.)
            if (rows.Count == 0) return await EndAsync(query, order, size, fromLast: false, cancellationToken);
            var hasNext = await query.AnyAsync(order.After(order.KeysOf(rows[0])), cancellationToken);
            return Page(order, rows, size, reversed: true, hasPrevious: rows.Count > size, hasNext);
        }
        return await EndAsync(query, order, size, fromLast: false, cancellationToken);
    }

    /// <summary>首页, or 末页 read from the other end.</summary>
    private static async Task<KeysetPage<T>> EndAsync<T>(IQueryable<T> query, KeysetOrder<T> order, int size, bool fromLast,
        CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(query, order, size, fromLast, cancellationToken);
        var more = rows.Count > size;
        return Page(order, rows, size, fromLast, hasPrevious: fromLast && more, hasNext: !fromLast && more);
    }

    /// <summary>One more row than a page, in reading order: the extra one tells whether there are more that way.</summary>
    private static Task<List<T>> ReadAsync<T>(IQueryable<T> query, KeysetOrder<T> order, int size, bool reversed,
        CancellationToken cancellationToken) =>
        order.Apply(query, reversed).Take(size + 1).ToListAsync(cancellationToken);

    /// <summary>The keys of a 下一页 cursor (the rows after that row), or null when it is none of this order's.</summary>
    public static IReadOnlyList<object?>? After<T>(KeysetOrder<T> order, string? cursor) => Values(order, cursor, AfterPrefix);

    /// <summary>The keys of a 上一页 cursor (the rows before that row), or null when it is none of this order's.</summary>
    public static IReadOnlyList<object?>? Before<T>(KeysetOrder<T> order, string? cursor) => Values(order, cursor, BeforePrefix);

    /// <summary>
    /// The page's rows (the first <paramref name="size"/> read, in reading order) in the list's order, with the cursors
    /// beside them; for lists read by other means than a query (归档记录) too.
    /// </summary>
    public static KeysetPage<T> Page<T>(KeysetOrder<T> order, List<T> read, int size, bool reversed, bool hasPrevious, bool hasNext)
    {
        var rows = read.Take(size).ToList();
        if (reversed) rows.Reverse();
        return new KeysetPage<T>(rows,
            hasPrevious && rows.Count > 0 ? BeforePrefix + order.CursorOf(rows[0]) : null,
            hasNext && rows.Count > 0 ? AfterPrefix + order.CursorOf(rows[^1]) : null);
    }

    private static IReadOnlyList<object?>? Values<T>(KeysetOrder<T> order, string? cursor, string prefix) =>
        cursor != null && cursor.StartsWith(prefix, StringComparison.Ordinal) ? order.ValuesOf(cursor[prefix.Length..]) : null;
}
