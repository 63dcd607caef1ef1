using System.Net;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beian.Web.Features.Shared;

/// <summary>
/// <c>&lt;table scroll-label="我的申请"&gt;</c>: a list table that scrolls sideways inside its own box on a
/// narrow screen instead of widening the page. The box is a named region a keyboard can focus and scroll.
/// </summary>
[HtmlTargetElement("table", Attributes = LabelAttribute)]
public sealed class ScrollingTableTagHelper : TagHelper
{
    private const string LabelAttribute = "scroll-label";

    /// <summary>What the table lists, read out as the name of its scrolling box; empty for no box.</summary>
    [HtmlAttributeName(LabelAttribute)]
    public string Label { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrEmpty(Label)) return; // a compact list in a card (the home widgets) stays as it is
        output.PreElement.SetHtmlContent(
            $"<div class=\"table-responsive table-scroll-box\" tabindex=\"0\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(Label)}\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
