namespace Beian.Core.Assessments;

/// <summary>The form's property paths that assessment findings (and the police's 退回 reasons) point at.</summary>
public static class AssessmentFields
{
    public const string Targets = "Targets";
    public const string Triggers = "Triggers";
    public const string Method = "Method";
    public const string Institution = "Institution";
    public const string OfficerName = "Officer.Name";
    public const string OfficerTitle = "Officer.Title";
    public const string OfficerPhone = "Officer.Phone";
    public const string OfficerEmail = "Officer.Email";
    public const string Report = "ReportFileId";

    public static string Measure(AssessmentMeasure measure) => $"Measures.{measure}";
}
