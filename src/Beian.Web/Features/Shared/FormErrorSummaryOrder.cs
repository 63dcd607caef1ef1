using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beian.Web.Features.Shared;

/// <summary>
/// The error summary of a form (_FormErrorSummary) in the order of the form's fields: ModelState keeps
/// errors in the order they were found (an upload refused while binding before a name left empty), which
/// is not the order a person reads the form in. Works on the rendered form, so every form gets it.
/// </summary>
[HtmlTargetElement("form")]
public sealed class FormErrorSummaryOrderTagHelper : TagHelper
{
    /// <summary>After the other form tag helpers, on the form's finished content.</summary>
    public override int Order => int.MaxValue;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ModelState.ErrorCount < 2) return;
        var content = output.IsContentModified ? output.Content.GetContent() : (await output.GetChildContentAsync()).GetContent();
        var ordered = FormErrorOrder.InFieldOrder(content);
        if (!ReferenceEquals(ordered, content)) output.Content.SetHtmlContent(ordered);
    }
}

/// <summary>Sorts the summary's field errors (<c>&lt;li data-error-for="field"&gt;</c>) by where their field's input first appears.</summary>
public static partial class FormErrorOrder
{
    public const string FieldAttribute = "data-error-for";

    [GeneratedRegex("<li data-error-for=\"(?<field>[^\"]*)\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex FieldError();

    [GeneratedRegex("\\sname=\"(?<name>[^\"]+)\"")]
    private static partial Regex InputName();

    public static string InFieldOrder(string formHtml)
    {
        var errors = FieldError().Matches(formHtml);
        if (errors.Count < 2) return formHtml;
        var names = InputName().Matches(formHtml).Select(m => m.Groups["name"].Value).ToList();
        var sorted = errors.OrderBy(e => PositionOf(e.Groups["field"].Value, names)).Select(e => e.Value).ToList();
        var html = new StringBuilder(formHtml.Length);
        var at = 0;
        for (var i = 0; i < errors.Count; i++)
        {
            html.Append(formHtml, at, errors[i].Index - at).Append(sorted[i]);
            at = errors[i].Index + errors[i].Length;
        }
        return html.Append(formHtml, at, formHtml.Length - at).ToString();
    }

    /// <summary>
    /// The first input that is the field or part of it (an address's Detail, an upload's File); unmatched last. Case is
    /// ignored: a list's filter posts its query names (from) for its properties (From).
    /// </summary>
    private static int PositionOf(string field, List<string> names)
    {
        var index = names.FindIndex(name => name.Equals(field, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
