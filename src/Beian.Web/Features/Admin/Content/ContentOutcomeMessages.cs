namespace Beian.Web.Features.Admin.Content;

/// <summary>The Chinese message of an action on an article or file that did not happen.</summary>
public static class ContentOutcomeMessages
{
    public const string Conflict = "该内容在您打开本页后已被其他管理员修改（或状态已改变），请刷新页面后重新操作。";
    public const string NotFound = "该内容不存在或已被删除。";

    public static string? Of(Beian.Web.Features.Content.ContentOutcome outcome) => outcome switch
    {
        Beian.Web.Features.Content.ContentOutcome.Conflict => Conflict,
        Beian.Web.Features.Content.ContentOutcome.NotFound => NotFound,
        _ => null,
    };
}
