using System.Linq.Expressions;
using Beian.Core.PoliceUnits;
using Microsoft.EntityFrameworkCore.Query;

namespace Beian.Web.Features.PoliceUnits;

/// <summary>What an officer's unit oversees: the unit itself and every unit below it (SPEC §9).</summary>
public static class PoliceJurisdiction
{
    /// <summary>The unit codes within <paramref name="unitCode"/>; null for the ministry (everything).</summary>
    public static IReadOnlyList<string>? CodesWithin(string unitCode)
    {
        var catalog = PoliceUnitCatalog.Default;
        if (unitCode == PoliceUnitCatalog.MinistryCode) return null;
        return catalog.All.Where(u => catalog.IsWithin(u.Code, unitCode)).Select(u => u.Code).ToList();
    }

    /// <summary>
    /// The rows of <paramref name="query"/> whose unit (<paramref name="unitCode"/>) is within the officer's: all of them
    /// for the ministry; a county's by equality, so that an index led by the unit code gives the rows in the order of
    /// its next columns (a list's keyset order); several units' by their codes.
    /// </summary>
    public static IQueryable<T> WithinUnit<T>(this IQueryable<T> query, string officerUnitCode, Expression<Func<T, string>> unitCode)
    {
        if (CodesWithin(officerUnitCode) is not { } scope) return query;
        var single = scope.Count == 1 ? scope[0] : null;
        Expression<Func<string, bool>> within = single != null ? code => code == single : code => scope.Contains(code);
        var body = ReplacingExpressionVisitor.Replace(within.Parameters[0], unitCode.Body, within.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, unitCode.Parameters));
    }
}
