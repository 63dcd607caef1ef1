using Beian.Web.Data;
using Beian.Web.Features.Public;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Showcase;

/// <summary>Settings under <c>Showcase:</c>.</summary>
public sealed class ShowcaseOptions
{
    /// <summary>How long each node keeps the list before reading it again (<c>Showcase:CacheSeconds</c>).</summary>
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>
/// One row of the 备案展厅: only what the public record of the number shows (SPEC §11) — the site's
/// name and address, the holder (an individual's name masked as on the record page), the number and
/// when it was filed.
/// </summary>
public sealed record ShowcaseRow(string SiteName, string Address, string Holder, string Number, string NumberDigits, DateTime FiledAt)
{
    public string RecordHref => $"/Public/Record/{NumberDigits}";
}

/// <summary>
/// The 备案展厅 (seed 000 二.2, SPEC §11): the newest filed websites of the whole platform, whose
/// 公安备案号 is in force. One indexed query (newest <see cref="Website.FiledAt"/> first, joined to the
/// subject by key), kept for <see cref="ShowcaseOptions.CacheSeconds"/> on each node: it is public
/// and on the home page. When it goes stale one request reads it again while the others still get
/// the previous list.
/// </summary>
public sealed class ShowcaseList(BeianDbContext db, WebsiteService websites, ShowcaseCache cache, IOptions<ShowcaseOptions> options, TimeProvider clock)
{
    public const int Size = 50;

    public async Task<IReadOnlyList<ShowcaseRow>> NewestAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var maxAge = TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));
        if (cache.Fresh(now, maxAge) is { } fresh) return fresh;
        if (!await cache.Refreshing.WaitAsync(cache.Current is null ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, cancellationToken))
            return cache.Current!;
        try
        {
            if (cache.Fresh(now, maxAge) is { } meanwhile) return meanwhile;
            var rows = await ReadAsync(cancellationToken);
            cache.Keep(rows, now);
            return rows;
        }
        finally
        {
            cache.Refreshing.Release();
        }
    }

    private async Task<IReadOnlyList<ShowcaseRow>> ReadAsync(CancellationToken cancellationToken)
    {
        var statuses = FiledSites.NumberInForceStatuses;
        var newest = await (from website in db.Websites.AsNoTracking()
                            where statuses.Contains(website.Status) && website.NumberDigits != null && website.FiledAt != null
                            join subject in db.Subjects.AsNoTracking() on website.SubjectId equals subject.Id
                            orderby website.FiledAt descending
                            select new
                            {
                                website.Id, website.Name, website.MainDomain, website.NumberDisplay, website.NumberDigits, website.FiledAt,
                                subject.Nature, HolderName = subject.Name,
                            })
            .Take(Size).ToListAsync(cancellationToken);
        var addresses = await IpAddressesAsync(newest.Where(w => w.MainDomain is null).Select(w => w.Id).ToList(), cancellationToken);
        return newest.Select(w => new ShowcaseRow(w.Name, w.MainDomain ?? addresses.GetValueOrDefault(w.Id) ?? "—",
            PublicHolder.NameOf(w.Nature, w.HolderName), w.NumberDisplay ?? w.NumberDigits!, w.NumberDigits!, w.FiledAt!.Value)).ToList();
    }

    /// <summary>A site filed without a domain of its own is shown by its first IP, from its (encrypted) filing.</summary>
    private async Task<Dictionary<Guid, string?>> IpAddressesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var sites = await db.Websites.AsNoTracking().Where(w => ids.Contains(w.Id)).ToListAsync(cancellationToken);
        return sites.ToDictionary(w => w.Id, w => websites.Read(w).BasicInfo.Ips.FirstOrDefault());
    }
}

/// <summary>The list a node keeps between reads (a singleton): the rows, when they were read, and the one-refresh-at-a-time gate.</summary>
public sealed class ShowcaseCache
{
    private sealed record Snapshot(IReadOnlyList<ShowcaseRow> Rows, DateTimeOffset At);

    // Replaced whole, never changed: a reader sees one list and its time together.
    private Snapshot? _kept;

    public SemaphoreSlim Refreshing { get; } = new(1, 1);

    public IReadOnlyList<ShowcaseRow>? Current => _kept?.Rows;

    public IReadOnlyList<ShowcaseRow>? Fresh(DateTimeOffset now, TimeSpan maxAge) =>
        _kept is { } kept && now >= kept.At && now - kept.At < maxAge ? kept.Rows : null;

    public void Keep(IReadOnlyList<ShowcaseRow> rows, DateTimeOffset at) => _kept = new Snapshot(rows, at);
}
