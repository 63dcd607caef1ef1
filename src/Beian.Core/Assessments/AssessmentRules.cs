using System.Globalization;
using Beian.Core.Accounts;
using Beian.Core.Contacts;
using Beian.Core.Rules;

namespace Beian.Core.Assessments;

/// <summary>
/// The pre-check of 发起安全评估 (SPEC §5): at least one filed business of the subject, at least one of
/// the regulation's five cases, the method (and the institution of a third-party one), the 安全管理负责人
/// reachable by phone and email, each of the six measures answered, and the report.
/// </summary>
public static class AssessmentRules
{
    public const int MinMeasure = 20;
    public const int MaxMeasure = 2000;
    public const int MaxInstitution = 100;
    public const int MaxOfficerName = 30;
    public const int MaxOfficerTitle = 30;

    public static IReadOnlyList<Finding> Check(AssessmentFacts facts) =>
    [
        .. Targets(facts),
        .. Triggers(facts),
        .. Method(facts),
        .. Officer(facts),
        .. AssessmentMeasures.All.SelectMany(measure => Measure(measure, facts.Measures.GetValueOrDefault(measure))),
        .. Report(facts),
    ];

    private static IEnumerable<Finding> Targets(AssessmentFacts facts)
    {
        if (facts.ForeignTargetCount > 0)
            yield return Error("TARGET-FOREIGN", AssessmentFields.Targets, "只能选择当前主体已备案的网站、APP或小程序");
        else if (facts.TargetCount == 0)
            yield return Error("TARGET-REQUIRED", AssessmentFields.Targets, "请至少选择一个已备案的网站、APP或小程序");
    }

    private static IEnumerable<Finding> Triggers(AssessmentFacts facts)
    {
        if (facts.Triggers.Count == 0) yield return Error("TRIGGER-REQUIRED", AssessmentFields.Triggers, "请至少选择一项开展评估的情形");
    }

    private static IEnumerable<Finding> Method(AssessmentFacts facts)
    {
        if (facts.Method is null)
        {
            yield return Error("METHOD-REQUIRED", AssessmentFields.Method, "请选择评估方法");
            yield break;
        }
        if (facts.Method != AssessmentMethod.ThirdParty) yield break;
        var institution = facts.Institution?.Trim();
        if (string.IsNullOrEmpty(institution)) yield return Error("INSTITUTION-REQUIRED", AssessmentFields.Institution, "委托第三方评估的，请填写评估机构名称");
        else if (institution.Length > MaxInstitution)
            yield return Error("INSTITUTION-LENGTH", AssessmentFields.Institution, $"评估机构名称不能超过{MaxInstitution}个字");
    }

    private static IEnumerable<Finding> Officer(AssessmentFacts facts)
    {
        var name = facts.OfficerName?.Trim();
        if (string.IsNullOrEmpty(name)) yield return Error("OFFICER-NAME", AssessmentFields.OfficerName, "请填写安全管理负责人姓名");
        else if (name.Length > MaxOfficerName || name.Any(char.IsDigit))
            yield return Error("OFFICER-NAME", AssessmentFields.OfficerName, "请填写安全管理负责人的真实姓名");
        var title = facts.OfficerTitle?.Trim();
        if (string.IsNullOrEmpty(title)) yield return Error("OFFICER-TITLE", AssessmentFields.OfficerTitle, "请填写安全管理负责人职务");
        else if (title.Length > MaxOfficerTitle) yield return Error("OFFICER-TITLE", AssessmentFields.OfficerTitle, $"职务不能超过{MaxOfficerTitle}个字");
        var phone = facts.OfficerPhone?.Trim();
        if (string.IsNullOrEmpty(phone)) yield return Error("OFFICER-PHONE", AssessmentFields.OfficerPhone, "请填写安全管理负责人联系电话");
        else if (!MobileNumber.IsValid(phone) && !Landline.IsValid(phone))
            yield return Error("OFFICER-PHONE", AssessmentFields.OfficerPhone, "联系电话应为11位手机号码或“区号-电话号码”，如：0571-88156273");
        if (string.IsNullOrWhiteSpace(facts.OfficerEmail)) yield return Error("OFFICER-EMAIL", AssessmentFields.OfficerEmail, "请填写安全管理负责人电子邮箱");
        else if (!EmailAddress.IsValid(facts.OfficerEmail.Trim())) yield return Error("OFFICER-EMAIL", AssessmentFields.OfficerEmail, "请填写正确的电子邮箱");
    }

    private static IEnumerable<Finding> Measure(AssessmentMeasure measure, string? text)
    {
        var field = AssessmentFields.Measure(measure);
        var length = new StringInfo(text?.Trim() ?? string.Empty).LengthInTextElements;
        if (length == 0) yield return Error("MEASURE-REQUIRED", field, $"请填写“{measure.Title()}”的评估情况");
        else if (length is < MinMeasure or > MaxMeasure)
            yield return Error("MEASURE-LENGTH", field, $"“{measure.Title()}”应为{MinMeasure}至{MaxMeasure}个字，当前为{length}个字");
    }

    private static IEnumerable<Finding> Report(AssessmentFacts facts)
    {
        if (!facts.HasReport) yield return Error("REPORT-REQUIRED", AssessmentFields.Report, "请上传安全评估报告（PDF）");
    }

    private static Finding Error(string rule, string field, string message) => Finding.Error($"SA-{rule}", field, message);
}
