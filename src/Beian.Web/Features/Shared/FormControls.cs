using System.Net;
using Microsoft.AspNetCore.Html;

namespace Beian.Web.Features.Shared;

/// <summary>Small pieces of form markup several forms repeat.</summary>
public static class FormControls
{
    /// <summary>A 是/否 pair as a radiogroup named by its question, so "是/否" is never read without it.</summary>
    public static IHtmlContent YesNo(string name, bool? value, string id, string question)
    {
        var yes = value == true ? " checked" : "";
        var no = value == false ? " checked" : "";
        return new HtmlString($"""
            <div class="d-flex gap-4" role="radiogroup" aria-label="{WebUtility.HtmlEncode(question)}">
              <div class="form-check"><input class="form-check-input" type="radio" name="{name}" id="{id}-yes" value="true"{yes} /><label class="form-check-label" for="{id}-yes">是</label></div>
              <div class="form-check"><input class="form-check-input" type="radio" name="{name}" id="{id}-no" value="false"{no} /><label class="form-check-label" for="{id}-no">否</label></div>
            </div>
            """);
    }
}
