using Beian.Core.Content;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Content;

/// <summary>A starting article, read from an embedded <c>Seed/*.md</c> file: a header of <c>name: value</c> lines, <c>---</c>, the Markdown.</summary>
public sealed record SeedArticle(string Key, ContentKind Kind, string Title, bool Pinned, string Markdown);

/// <summary>
/// Puts in the starting content of every environment — the articles of <c>Seed/</c> (written from
/// the manuals and the regulations they cite) and the 下载中心's templates — where missing, by key.
/// An item an administrator changed or deleted is never touched again. Two nodes starting together
/// may both try; the unique keys let one win and the other gives up (its rows are the same).
/// Also renders again any article whose stored HTML came from an older <see cref="ContentMarkdown.Version"/>.
/// </summary>
public static class ContentSeeder
{
    public const string SystemAuthorId = "system";
    public const string SystemAuthorName = "平台";
    private const string ResourcePrefix = "Beian.Web.Content.Seed.";

    public static async Task SeedAsync(BeianDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await AddMissingAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await RenderStaleAsync(db, cancellationToken);
    }

    /// <summary>The starting articles, in file-name order (which is each 栏目's order, newest first).</summary>
    public static IReadOnlyList<SeedArticle> Articles { get; } = LoadArticles();

    private static async Task AddMissingAsync(BeianDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var seeded = (await db.Set<ContentItem>().Where(c => c.SeedKey != null).Select(c => c.SeedKey!).ToListAsync(cancellationToken)).ToHashSet();
        var templates = (await db.Set<DownloadItem>().Where(d => d.TemplateKey != null).Select(d => d.TemplateKey!).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var (article, position) in Articles.GroupBy(a => a.Kind).SelectMany(kind => kind.Select((a, i) => (a, i))))
        {
            if (seeded.Contains(article.Key)) continue;
            // Each 栏目 lists its files newest first: the first file a minute newer than the second …
            var publishedAt = now.AddMinutes(-position);
            var item = ContentItem.NewDraft(article.Kind, SystemAuthorId, SystemAuthorName, now, article.Key);
            item.Edit(article.Kind, article.Title, article.Markdown, ContentMarkdown.Render(article.Markdown), article.Pinned, publishedAt, now);
            item.Publish(now);
            db.Add(item);
            added++;
        }
        foreach (var (template, position) in DownloadTemplates.All.Select((t, i) => (t, i)))
        {
            if (templates.Contains(template.Key)) continue;
            var item = DownloadItem.NewDraft(SystemAuthorId, SystemAuthorName, now, template.Key);
            item.Describe(template.Title, template.Description, now);
            item.ReplaceFile(template.Describe(), now);
            item.Publish(now.AddMinutes(-position));
            db.Add(item);
            added++;
        }
        if (added == 0) return;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded at the same moment; its rows are the same starting content.
            db.ChangeTracker.Clear();
        }
    }

    private static async Task RenderStaleAsync(BeianDbContext db, CancellationToken cancellationToken)
    {
        var stale = await db.Set<ContentItem>().Where(c => c.RenderVersion < ContentMarkdown.Version)
            .Select(c => new { c.Id, c.BodyMarkdown }).ToListAsync(cancellationToken);
        foreach (var item in stale)
        {
            var html = ContentMarkdown.Render(item.BodyMarkdown).Html;
            // Derived data only: no version bump (an administrator's open form stays valid), nothing to audit.
            await db.Set<ContentItem>().Where(c => c.Id == item.Id && c.RenderVersion < ContentMarkdown.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.BodyHtml, html).SetProperty(c => c.RenderVersion, ContentMarkdown.Version), cancellationToken);
        }
    }

    private static List<SeedArticle> LoadArticles()
    {
        var assembly = typeof(ContentSeeder).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return Parse(name[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    internal static SeedArticle Parse(string name, string text)
    {
        text = text.Replace("\r\n", "\n");
        var separator = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (separator < 0) throw new FormatException($"Seed article {name} has no '---' line after its header.");
        var header = text[..separator].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty);
        string Field(string key) => header.TryGetValue(key, out var value) && value.Length > 0
            ? value : throw new FormatException($"Seed article {name} has no '{key}'.");
        return new SeedArticle(Field("key"), Enum.Parse<ContentKind>(Field("kind")), Field("title"),
            header.TryGetValue("pinned", out var pinned) && pinned == "true", text[(separator + 5)..].Trim());
    }
}
