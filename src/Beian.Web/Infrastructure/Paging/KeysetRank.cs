using System.Linq.Expressions;

namespace Beian.Web.Infrastructure.Paging;

/// <summary>
/// An enum stored as text, as a key of <see cref="KeysetOrder{T}"/>: its place in the enum's declaration
/// (x == A ? 0 : x == B ? 1 : …), a number the database orders and compares like any other.
/// </summary>
public static class KeysetRank
{
    public static Expression<Func<T, int>> Of<T, TEnum>(Expression<Func<T, TEnum>> selector) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        Expression rank = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(selector.Body, Expression.Constant(values[i])), Expression.Constant(i), rank);
        return Expression.Lambda<Func<T, int>>(rank, selector.Parameters);
    }
}
