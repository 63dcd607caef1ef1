namespace Beian.Core.Rules;

/// <summary>Errors block submission; warnings are shown to the reviewer.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One pre-check result: a stable rule code ("SUBJ-ORG-NAME-DOMAIN"), the form field it is about
/// (a property path such as "Organisation.Name"), its severity and a Chinese message.
/// </summary>
public sealed record Finding(string Code, string Field, Severity Severity, string Message)
{
    public static Finding Error(string code, string field, string message) => new(code, field, Severity.Error, message);

    public static Finding Warning(string code, string field, string message) => new(code, field, Severity.Warning, message);

    public bool IsError => Severity == Severity.Error;
}

/// <summary>Queries over a list of findings.</summary>
public static class Findings
{
    public static bool HasErrors(this IEnumerable<Finding> findings) => findings.Any(finding => finding.IsError);

    public static IReadOnlyList<Finding> Errors(this IEnumerable<Finding> findings) =>
        findings.Where(finding => finding.IsError).ToList();

    public static IReadOnlyList<Finding> Warnings(this IEnumerable<Finding> findings) =>
        findings.Where(finding => !finding.IsError).ToList();

    public static IReadOnlyList<Finding> ForField(this IEnumerable<Finding> findings, string field) =>
        findings.Where(finding => finding.Field == field).ToList();

    public static bool Has(this IEnumerable<Finding> findings, string code) =>
        findings.Any(finding => finding.Code == code);
}
