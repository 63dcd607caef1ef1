using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Beian.Web.Features.Content;

/// <summary>The HTML of an article and what the sanitiser took out of it (shown in the preview, so the author knows).</summary>
public sealed record RenderedBody(string Html, IReadOnlyList<string> Removed);

/// <summary>
/// Markdown (Markdig) to HTML, then through an allow-list sanitiser (HtmlSanitizer): text, headings,
/// lists, tables, quotes, code and links to http(s), mailto or a path of this site. Scripts, event
/// attributes, <c>javascript:</c> and other schemes, styles (the CSP refuses inline styles anyway),
/// images and frames never reach a page. Raw HTML in the Markdown is allowed through Markdig only so
/// the sanitiser can keep what is harmless (a <c>&lt;br&gt;</c>, a table) and drop the rest.
/// A level-one heading becomes a level two: the page's own title is its only <c>h1</c>.
/// </summary>
public static class ContentMarkdown
{
    /// <summary>Raise it when the pipeline or the allow-list changes: stored HTML of older versions is rendered again at start.</summary>
    public const int Version = 1;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "del", "s", "ins", "mark", "sub", "sup",
        "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "abbr",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    ];

    private static readonly string[] Attributes = ["href", "title", "colspan", "rowspan", "start"];
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    public static RenderedBody Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.Level == 1)) heading.Level = 2;
        var html = document.ToHtml(Pipeline);

        var removed = new List<string>();
        var clean = NewSanitizer(removed).Sanitize(html);
        return new RenderedBody(clean.Trim(), removed.Distinct().ToList());
    }

    // A sanitiser per call: its removal events report into this call's list. Rendering happens on
    // save and preview only, so the construction cost does not matter.
    private static HtmlSanitizer NewSanitizer(List<string> removed)
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase);
        options.AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase);
        options.AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase);
        options.UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase);
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}> 标签");
        sanitizer.RemovingAttribute += (_, e) =>
        {
            var name = e.Attribute.Name.ToLowerInvariant();
            if (name.StartsWith("on", StringComparison.Ordinal)) removed.Add($"{name} 事件属性");
            else if (e.Reason == RemoveReason.NotAllowedUrlValue) removed.Add("不安全的链接地址（仅支持http、https、mailto和本站路径）");
            else if (name is not ("style" or "id" or "class" or "align")) removed.Add($"{name} 属性");
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links that leave the site open no window handle back to it and pass no rank.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link
                && link.GetAttribute("href") is { } href && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                link.SetAttribute("rel", "noopener noreferrer nofollow");
        };
        return sanitizer;
    }
}
