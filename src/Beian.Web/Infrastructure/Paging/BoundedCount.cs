using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.Paging;

/// <summary>
/// How many rows a list holds, counted only up to <see cref="Bound"/> (<c>Police:ListCountLimit</c>, 10,000): past
/// it, counting every row of a national list would cost more than the page itself, so the list says 超过 10,000 条.
/// </summary>
public sealed record BoundedCount(int Counted, int Bound)
{
    public const string LimitSetting = "Police:ListCountLimit";
    public const int DefaultBound = 10_000;

    public bool Exceeded => Counted > Bound;

    /// <summary>As the list's toolbar says it: 共 123 条, or 超过 10,000 条.</summary>
    public string Text => Exceeded ? $"{Figure} 条" : $"共 {Figure} 条";

    /// <summary>The number alone, as a tab's label says it: 123, or 超过 10,000.</summary>
    public string Figure => Exceeded
        ? $"超过 {Bound.ToString("N0", CultureInfo.InvariantCulture)}"
        : Counted.ToString(CultureInfo.InvariantCulture);

    public static int BoundOf(IConfiguration configuration) => configuration.GetValue(LimitSetting, DefaultBound);
}

public static class BoundedCounting
{
    /// <summary>SELECT count(*) FROM (… LIMIT bound + 1): reads at most one row past the bound.</summary>
    public static async Task<BoundedCount> CountUpToAsync<T>(this IQueryable<T> query, int bound, CancellationToken cancellationToken) =>
        new(await query.Take(bound + 1).CountAsync(cancellationToken), bound);
}
