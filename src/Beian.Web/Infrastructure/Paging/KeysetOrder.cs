using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Query;

namespace Beian.Web.Infrastructure.Paging;

/// <summary>
/// The order of a keyset-paged list: keys compared in turn, each ascending or descending, the last one
/// unique (it breaks every tie, so each row has one place). It orders a query either way, selects the
/// rows after a row's keys without OFFSET, and writes a row's keys as a cursor for the address bar.
/// Keys are dates, numbers, strings or ids (Guid, compared as the database orders them) and never null in
/// the listed rows; an enum stored as text is
/// ordered by a rank expression (<c>x == A ? 0 : x == B ? 1 : …</c>) so that it compares as a number.
/// </summary>
public sealed class KeysetOrder<T>
{
    private readonly IReadOnlyList<Key> _keys;

    private KeysetOrder(IReadOnlyList<Key> keys) => _keys = keys;

    public static KeysetOrder<T> By<TKey>(Expression<Func<T, TKey>> key, bool descending = false) => new([Key.Of(key, descending)]);

    public KeysetOrder<T> ThenBy<TKey>(Expression<Func<T, TKey>> key, bool descending = false) => new([.. _keys, Key.Of(key, descending)]);

    /// <summary>The query in this order, or in the reverse order (the pages before a row, 末页).</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, bool reversed = false)
    {
        var ordered = _keys[0].Order(query, first: true, reversed);
        foreach (var key in _keys.Skip(1)) ordered = (IOrderedQueryable<T>)key.Order(ordered, first: false, reversed);
        return (IOrderedQueryable<T>)ordered;
    }

    /// <summary>
    /// The rows after <paramref name="values"/> in this order (before them when reversed), written
    /// k1 ≥ v1 AND (k1 &gt; v1 OR (k2 ≥ v2 AND (k2 &gt; v2 OR …))) so the first key bounds an index range.
    /// </summary>
    public Expression<Func<T, bool>> After(IReadOnlyList<object?> values, bool reversed = false)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? tail = null;
        for (var i = _keys.Count - 1; i >= 0; i--)
        {
            var key = _keys[i];
            var beyond = key.Compare(row, values[i], strict: true, reversed);
            tail = tail == null ? beyond : Expression.AndAlso(key.Compare(row, values[i], strict: false, reversed), Expression.OrElse(beyond, tail));
        }
        return Expression.Lambda<Func<T, bool>>(tail!, row);
    }

    public IReadOnlyList<object?> KeysOf(T row) => _keys.Select(k => k.ValueOf(row)).ToList();

    /// <summary>The keys of a row, as a cursor: base64url of their JSON array.</summary>
    public string CursorOf(T row) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(KeysOf(row)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The keys a cursor holds, or null when it is not one of this order's (garbled, forged, of another sort).</summary>
    public IReadOnlyList<object?>? ValuesOf(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1000) return null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var json = Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
            using var document = JsonDocument.Parse(json);
            var items = document.RootElement;
            if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() != _keys.Count) return null;
            var values = _keys.Select((key, i) => items[i].Deserialize(key.Type)).ToList();
            return values.All(IsKey) ? values : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A value a cursor of ours holds: never null, a time always in UTC (as stored).</summary>
    private static bool IsKey(object? value) => value is not null and not DateTime { Kind: not DateTimeKind.Utc };

    private sealed record Key(LambdaExpression Selector, Func<T, object?> Read, Type Type, bool Descending)
    {
        private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        private static readonly MethodInfo GuidCompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

        public static Key Of<TKey>(Expression<Func<T, TKey>> selector, bool descending)
        {
            var read = selector.Compile();
            var type = Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey);
            return new Key(selector, row => read(row), type, descending);
        }

        public object? ValueOf(T row) => Read(row);

        public IQueryable<T> Order(IQueryable<T> query, bool first, bool reversed)
        {
            var descending = Descending != reversed;
            var method = (first, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(T), Selector.ReturnType], query.Expression, Expression.Quote(Selector));
            return query.Provider.CreateQuery<T>(call);
        }

        /// <summary>The key of <paramref name="row"/> beyond <paramref name="value"/> in the order's direction (or equal, unless strict).</summary>
        public Expression Compare(ParameterExpression row, object? value, bool strict, bool reversed)
        {
            var greater = Descending == reversed;
            var left = ReplacingExpressionVisitor.Replace(Selector.Parameters[0], row, Selector.Body);
            var right = Parameter(value, Selector.ReturnType);
            if (Type == typeof(string))
            {
                left = Expression.Call(StringCompare, left, right);
                right = Expression.Constant(0);
            }
            else if (Type == typeof(Guid))
            {
                left = Expression.Call(left, GuidCompareTo, right);
                right = Expression.Constant(0);
            }
            return (greater, strict) switch
            {
                (true, true) => Expression.GreaterThan(left, right),
                (true, false) => Expression.GreaterThanOrEqual(left, right),
                (false, true) => Expression.LessThan(left, right),
                (false, false) => Expression.LessThanOrEqual(left, right),
            };
        }

        /// <summary>A value the query sends as a parameter (a captured field, as a closure would), not as a literal.</summary>
        private static Expression Parameter(object? value, Type type)
        {
            var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
            return Expression.Field(Expression.Constant(holder), "Value");
        }
    }
}

file sealed class Holder<TValue>(TValue value)
{
    public readonly TValue Value = value;
}
