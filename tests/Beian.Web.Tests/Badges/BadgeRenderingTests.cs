using System.Xml.Linq;
using Beian.Core.Numbering;
using Beian.Web.Features.Badges;
using SkiaSharp;

namespace Beian.Web.Tests.Badges;

/// <summary>Both renderers draw <see cref="BadgeSvg.Paths"/>; the panel model builds the footer code.</summary>
public class BadgeRenderingTests
{
    private static readonly PublicSecurityNumber Number = PublicSecurityNumber.Create("110105", FilingCategory.Website, 1);

    [Fact]
    public void The_svg_carries_exactly_the_shared_path_data_and_colours()
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var paths = XElement.Parse(BadgeSvg.Render()).Elements(ns + "path").ToList();

        Assert.Equal(BadgeSvg.Paths.Count, paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            Assert.Equal(BadgeSvg.Paths[i].Data, paths[i].Attribute("d")?.Value);
            Assert.Equal(BadgeSvg.Paths[i].Stroke, paths[i].Attribute("stroke")?.Value);
            Assert.Equal(BadgeSvg.Paths[i].Fill ?? "none", paths[i].Attribute("fill")?.Value);
        }
    }

    [Fact]
    public void Every_shared_path_parses_for_skia_inside_the_view_box()
    {
        foreach (var badgePath in BadgeSvg.Paths)
        {
            using var path = SKPath.ParseSvgPathData(badgePath.Data);
            Assert.NotNull(path);
            var bounds = path.Bounds;
            Assert.InRange(bounds.Left, 0, BadgeSvg.ViewBoxSize);
            Assert.InRange(bounds.Right, 0, BadgeSvg.ViewBoxSize);
            Assert.InRange(bounds.Top, 0, BadgeSvg.ViewBoxSize);
            Assert.InRange(bounds.Bottom, 0, BadgeSvg.ViewBoxSize);
        }
    }

    [Fact]
    public void The_png_centre_is_the_white_inside_of_the_shield()
    {
        using var bitmap = SKBitmap.Decode(BadgePngRenderer.RenderPng(160));
        var inside = bitmap.GetPixel(40, 80); // x=5, y=10 on the view box: in the shield, off the check
        Assert.Equal(255, inside.Alpha);
        Assert.True(inside.Red > 240 && inside.Green > 240 && inside.Blue > 240, inside.ToString());
    }

    [Fact]
    public void The_panel_footer_code_links_to_the_detail_page_with_the_absolute_40px_badge()
    {
        var panel = new FilingNumberPanel(Number, "https://beian.example/query/detail?code=11010502000001");

        var html = panel.FooterSnippet("https://beian.example/");

        Assert.Equal(
            BadgeHtml.FooterSnippet(Number, "https://beian.example/query/detail?code=11010502000001", "https://beian.example/badge.png?size=40"),
            html);
        Assert.Contains("京公网安备11010502000001号", html);
        Assert.Equal("https://beian.example/badge.png?size=40", XElement.Parse(html).Element("img")?.Attribute("src")?.Value);
    }

    [Fact]
    public void The_deadline_note_is_the_30_day_rule()
    {
        Assert.Equal("请在网站开通之日起30日内将备案编号HTML代码放置在网站首页底部", FilingNumberPanel.DeadlineNote);
    }
}
