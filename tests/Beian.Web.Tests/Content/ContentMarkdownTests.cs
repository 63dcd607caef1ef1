using AngleSharp.Html.Parser;
using Beian.Web.Features.Content;

namespace Beian.Web.Tests.Content;

/// <summary>The article renderer: Markdown comes out as HTML, and nothing that runs script survives it.</summary>
public class ContentMarkdownTests
{
    private static AngleSharp.Dom.IElement Body(string html) => new HtmlParser().ParseDocument($"<div id=b>{html}</div>").GetElementById("b")!;

    [Fact]
    public void Markdown_becomes_headings_lists_tables_quotes_and_links()
    {
        var rendered = ContentMarkdown.Render("""
            # 总标题
            ## 第一步
            正文**加粗**，见[备案须知](/Public/Guide)和[公安部](https://www.mps.gov.cn)。

            - 手机验证
            - 邮箱验证

            1. 注册
            2. 登录

            > 第十二条 ……

            | 模板 | 用途 |
            | --- | --- |
            | IP段模板 | 上报IP段 |
            """);
        var body = Body(rendered.Html);

        Assert.Equal(["总标题", "第一步"], body.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Empty(body.QuerySelectorAll("h1"));
        Assert.Equal("加粗", body.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("ul > li").Length);
        Assert.Equal(2, body.QuerySelectorAll("ol > li").Length);
        Assert.NotNull(body.QuerySelector("blockquote"));
        Assert.Equal("IP段模板", body.QuerySelector("table tbody td")!.TextContent);
        Assert.Equal("/Public/Guide", body.QuerySelector("a[href^='/']")!.GetAttribute("href"));
        var external = body.QuerySelector("a[href^='https:']")!;
        Assert.Equal("noopener noreferrer nofollow", external.GetAttribute("rel"));
        Assert.Null(body.QuerySelector("a[href^='/']")!.GetAttribute("rel"));
        Assert.Empty(rendered.Removed);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script> 标签")]
    [InlineData("[点我](javascript:alert(1))", "不安全的链接地址（仅支持http、https、mailto和本站路径）")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">点我</a>", "不安全的链接地址（仅支持http、https、mailto和本站路径）")]
    [InlineData("<img src=x onerror=alert(1)>", "<img> 标签")]
    [InlineData("<p onclick=\"alert(1)\">文字</p>", "onclick 事件属性")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe> 标签")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<svg> 标签")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "不安全的链接地址（仅支持http、https、mailto和本站路径）")]
    public void What_could_run_script_is_removed_and_named(string markdown, string removal)
    {
        var rendered = ContentMarkdown.Render("正文开始\n\n" + markdown + "\n\n正文结束");
        var body = Body(rendered.Html);

        Assert.Contains(removal, rendered.Removed);
        Assert.DoesNotContain("alert", rendered.Html);
        Assert.Empty(body.QuerySelectorAll("script, img, iframe, svg, object, embed, style"));
        Assert.All(body.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(body.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?:|mailto:|/)", a.GetAttribute("href")!));
        Assert.Contains("正文开始", body.TextContent);
        Assert.Contains("正文结束", body.TextContent);
    }

    [Fact]
    public void Styles_ids_and_classes_are_dropped_without_complaint()
    {
        var rendered = ContentMarkdown.Render("<p style=\"color:red\" id=\"x\" class=\"y\">文字</p>");
        Assert.Equal("<p>文字</p>", rendered.Html);
        Assert.Empty(rendered.Removed);
    }
}
