using Beian.Core.Rules;

namespace Beian.Web.Features.Applications;

/// <summary>What every 修改后重新提交 page shows and says, whatever its form.</summary>
public static class Corrections
{
    public const string ResubmittedNotice = "申请已重新提交，请等待属地公安机关网安部门审核。";

    /// <summary>The 退回 reasons tied to a field, as errors shown next to that field when the form opens.</summary>
    public static IReadOnlyList<Finding> ReasonsAsFindings(FilingApplication application) =>
        application.ReturnReasons.Where(r => !string.IsNullOrEmpty(r.Field)).Select(r => r.AsFinding()).ToList();
}
