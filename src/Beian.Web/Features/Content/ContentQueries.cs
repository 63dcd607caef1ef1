using Beian.Core.Content;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Beian.Web.Features.Content;

public sealed record ContentRow(Guid Id, ContentKind Kind, string Title, bool Pinned, DateTime? PublishedAt)
{
    public string Href => $"{Kind.PublicPath()}/{Id}";
}

public sealed record DownloadRow(Guid Id, string Title, string? Description, string FileName, DownloadFileKind Kind, long Size, DateTime? PublishedAt)
{
    public string Href => DownloadEndpoints.UrlOf(Id);
}

/// <summary>The newest few of every 栏目 and of the 下载中心, as the home page shows them.</summary>
public sealed record HomeContent(IReadOnlyDictionary<ContentKind, IReadOnlyList<ContentRow>> Lists, IReadOnlyList<DownloadRow> Downloads);

public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// What the public pages read: only 已发布 items, pinned first, newest first, one indexed query a
/// list. The home page's lists are kept for <see cref="HomeSeconds"/> seconds on each node; a change
/// made on this node clears them at once, one made on another node shows within that time.
/// </summary>
public sealed class ContentQueries(BeianDbContext db, IMemoryCache cache)
{
    public const int PageSize = 15;
    public const int HomeSeconds = 30;
    private const string HomeKey = "content:home";

    public async Task<Paged<ContentRow>> PublishedAsync(ContentKind kind, int page, CancellationToken cancellationToken = default)
    {
        var query = Published(kind);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await Rows(query).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Paged<ContentRow>(rows, total, page, PageSize);
    }

    public Task<ContentItem?> PublishedItemAsync(ContentKind kind, Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Kind == kind && c.Status == ContentStatus.Published, cancellationToken);

    public async Task<Paged<DownloadRow>> PublishedDownloadsAsync(int page, CancellationToken cancellationToken = default)
    {
        var query = PublishedDownloads();
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await DownloadRows(query).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Paged<DownloadRow>(rows, total, page, PageSize);
    }

    public async Task<HomeContent> HomeAsync(int perList, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(HomeKey, out HomeContent? home) && home is not null) return home;
        var lists = new Dictionary<ContentKind, IReadOnlyList<ContentRow>>();
        foreach (var kind in ContentKinds.All)
            lists[kind] = await Rows(Published(kind)).Take(perList).ToListAsync(cancellationToken);
        var downloads = await DownloadRows(PublishedDownloads()).Take(perList).ToListAsync(cancellationToken);
        home = new HomeContent(lists, downloads);
        cache.Set(HomeKey, home, TimeSpan.FromSeconds(HomeSeconds));
        return home;
    }

    public void Invalidate() => cache.Remove(HomeKey);

    private IQueryable<ContentItem> Published(ContentKind kind) =>
        db.Set<ContentItem>().AsNoTracking().Where(c => c.Kind == kind && c.Status == ContentStatus.Published);

    private static IQueryable<ContentRow> Rows(IQueryable<ContentItem> query) =>
        query.OrderByDescending(c => c.Pinned).ThenByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Select(c => new ContentRow(c.Id, c.Kind, c.Title, c.Pinned, c.PublishedAt));

    private IQueryable<DownloadItem> PublishedDownloads() =>
        db.Set<DownloadItem>().AsNoTracking().Where(d => d.Status == ContentStatus.Published);

    private static IQueryable<DownloadRow> DownloadRows(IQueryable<DownloadItem> query) =>
        query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Select(d => new DownloadRow(d.Id, d.Title, d.Description, d.FileName, d.Kind, d.Size, d.PublishedAt));
}
