using Beian.Core.Accounts;
using Beian.Core.Assessments;
using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Assessments;

/// <summary>An assessment as the reviewer reads it, part by part; each field is one a 退回 reason can point at.</summary>
public static class AssessmentReviewFields
{
    public static IReadOnlyList<ReviewField> Of(AssessmentForm form)
    {
        var fields = new List<ReviewField>
        {
            new(AssessmentFields.Targets, "评估对象", "评估的网站、APP或小程序", string.Join("；", form.Picked.Select(TargetText))),
            new(AssessmentFields.Triggers, "一、开展评估情况", "评估情形", string.Join("；", form.Triggers.Distinct().Select(t => t.Text()))),
            new(AssessmentFields.Method, "二、评估方法", "评估方法", form.Method?.Label() ?? string.Empty),
        };
        if (form.Method == AssessmentMethod.ThirdParty)
            fields.Add(new(AssessmentFields.Institution, "二、评估方法", "评估机构", form.Institution ?? string.Empty));
        const string officer = "三、安全管理负责人";
        fields.Add(new(AssessmentFields.OfficerName, officer, "姓名", form.Officer.Name ?? string.Empty));
        fields.Add(new(AssessmentFields.OfficerTitle, officer, "职务", form.Officer.Title ?? string.Empty));
        fields.Add(new(AssessmentFields.OfficerPhone, officer, "联系电话", form.Officer.Phone ?? string.Empty, Masking.MaskMiddle(form.Officer.Phone)));
        fields.Add(new(AssessmentFields.OfficerEmail, officer, "电子邮箱", form.Officer.Email ?? string.Empty, Masking.MaskEmail(form.Officer.Email)));
        foreach (var measure in AssessmentMeasures.All)
            fields.Add(new(AssessmentFields.Measure(measure), $"{measure.Numeral()}、{measure.Title()}", measure.Title(), form.Measures.Of(measure) ?? string.Empty));
        if (form.ReportFileId is { } report) fields.Add(new(AssessmentFields.Report, "评估报告", "安全评估报告", "已上传", FileId: report));
        return fields;
    }

    private static string TargetText(AssessmentTargetInput target) =>
        target.VersionNumber is { } version ? $"{target.Name}（版本 {version}）" : target.Name;
}
