using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beian.Web.Features.Shared;

/// <summary>
/// Every <c>&lt;input type="file"&gt;</c> gets the platform's own 【上传】 button and the chosen file's name
/// (未选择文件 until one is chosen) instead of the browser's "Choose File / No file chosen" in its interface
/// language. The real input lies transparent over the button, so choosing a file needs no script and
/// keeps the input's label; site.js only writes the chosen name.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=file]")]
public sealed class FilePickerTagHelper : TagHelper
{
    public const string ButtonText = "上传";
    public const string NoFile = "未选择文件";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.RemoveClass("form-control", HtmlEncoder.Default);
        output.AddClass("file-picker-input", HtmlEncoder.Default);
        var nameId = (output.Attributes["id"]?.Value?.ToString() ?? context.UniqueId) + "-chosen";
        output.Attributes.SetAttribute("aria-describedby", nameId);
        output.PreElement.SetHtmlContent("<span class=\"file-picker\"><span class=\"file-picker-control\">");
        output.PostElement.SetHtmlContent(
            $"<span class=\"btn btn-outline-primary file-picker-button\" aria-hidden=\"true\">{ButtonText}</span></span>" +
            $"<span class=\"file-picker-name\" id=\"{HtmlEncoder.Default.Encode(nameId)}\">{NoFile}</span></span>");
    }
}
