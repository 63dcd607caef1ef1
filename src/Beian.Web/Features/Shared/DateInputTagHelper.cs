using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beian.Web.Features.Shared;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> becomes a text box with the hint yyyy-MM-dd: a browser's own
/// date box shows its interface language's order (mm/dd/yyyy in an English browser), the platform's dates
/// read the same everywhere. The server parses and checks the date as before, with its Chinese messages.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper : TagHelper
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>After asp-for has written the value as yyyy-MM-dd for a date box.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("maxlength", Format.Length);
        output.Attributes.SetAttribute("autocomplete", "off");
        if (!output.Attributes.ContainsName("placeholder")) output.Attributes.SetAttribute("placeholder", Format);
        output.AddClass("date-input", HtmlEncoder.Default);
    }
}
