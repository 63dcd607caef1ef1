using System.Xml.Linq;
using Beian.Core.Numbering;

namespace Beian.Core.Tests.Numbering;

public class BadgeTests
{
    private static readonly PublicSecurityNumber Number = PublicSecurityNumber.Create("110105", FilingCategory.Website, 1);

    [Fact]
    public void Snippet_links_to_the_detail_page_with_the_badge_and_the_number()
    {
        var html = BadgeHtml.FooterSnippet(Number, "https://beian.example/query/detail?code=11010502000001", "https://beian.example/badge.png");

        Assert.Equal(
            "<a target=\"_blank\" rel=\"noopener\" href=\"https://beian.example/query/detail?code=11010502000001\">"
            + "<img src=\"https://beian.example/badge.png\" alt=\"公安备案图标\" style=\"vertical-align:middle;width:20px;height:20px\"/>"
            + " 京公网安备11010502000001号</a>",
            html);
    }

    [Fact]
    public void Snippet_encodes_the_urls()
    {
        var html = BadgeHtml.FooterSnippet(Number, "https://beian.example/q?code=11010502000001&x=\"><script>", "https://beian.example/b.png?a=1&b=2");

        Assert.Contains("京公网安备11010502000001号", html);
        Assert.Contains("href=\"https://beian.example/q?code=11010502000001&amp;x=&quot;&gt;&lt;script&gt;\"", html);
        Assert.Contains("src=\"https://beian.example/b.png?a=1&amp;b=2\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Single(XElement.Parse(html).Elements("img"));
    }

    [Fact]
    public void Svg_is_xml_with_a_viewbox()
    {
        var svg = XElement.Parse(BadgeSvg.Render());

        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal("http://www.w3.org/2000/svg", svg.Name.NamespaceName);
        Assert.Equal("0 0 20 20", svg.Attribute("viewBox")?.Value);
        Assert.Equal("20", svg.Attribute("width")?.Value);
        Assert.NotEmpty(svg.Elements());
        Assert.Equal("64", XElement.Parse(BadgeSvg.Render(64)).Attribute("height")?.Value);
    }
}
