using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.PublicQuery;

/// <summary>The grams of a public name index (websites', APPs') kept in step with a row's name and filing time.</summary>
public static class NameIndexRows
{
    /// <summary>
    /// Deletes the grams no longer held and adds the new ones, each by its primary key <paramref name="keyOf"/>
    /// (the index tables have no index by record): a gram already tracked is removed as that entry.
    /// </summary>
    public static void Sync<TGram>(DbSet<TGram> grams, IReadOnlyList<TGram> before, IReadOnlyList<TGram> after, Func<TGram, object[]> keyOf)
        where TGram : class
    {
        static string Text(object[] key) => string.Join('\u001f', key);
        var kept = before.Select(g => Text(keyOf(g))).Intersect(after.Select(g => Text(keyOf(g)))).ToHashSet();
        foreach (var gone in before.Where(g => !kept.Contains(Text(keyOf(g)))))
            grams.Remove(grams.Local.FindEntryUntyped(keyOf(gone))?.Entity ?? gone);
        grams.AddRange(after.Where(g => !kept.Contains(Text(keyOf(g)))));
    }
}
