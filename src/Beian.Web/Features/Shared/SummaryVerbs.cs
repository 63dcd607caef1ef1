namespace Beian.Web.Features.Shared;

/// <summary>
/// The verb of a form's error summary (<c>_FormErrorSummary</c>), 请修改以下问题后再…: a form that saves is 提交, a list's
/// filter or a lookup is 查询 (<c>&lt;partial name="_FormErrorSummary" model="SummaryVerbs.Query" /&gt;</c>).
/// </summary>
public static class SummaryVerbs
{
    public const string Submit = "提交";
    public const string Query = "查询";
}
