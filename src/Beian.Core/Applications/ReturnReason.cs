namespace Beian.Core.Applications;

/// <summary>
/// One reason of a 退回, tied to the form field it is about (a property path of the business's form,
/// such as "BasicInfo.Name") or to the application as a whole (no field). The applicant sees it
/// next to that field when they reopen the application to correct it.
/// </summary>
public sealed record ReturnReason(string? Field, string FieldLabel, string Message)
{
    public const int MaxMessageLength = 200;
    public const int MaxCount = 20;

    /// <summary>A reason on a field shows where a pre-check error on that field would: next to it.</summary>
    public Rules.Finding AsFinding() => Rules.Finding.Error("RETURNED", Field ?? string.Empty, $"退回原因：{Message}");

    /// <summary>
    /// The reasons as one line for the SMS, the site message and the history: "网站名称：…；主域名：…", each without the
    /// full stop or semicolon a reviewer may have typed at its end (the line joins them, the notice ends the sentence).
    /// </summary>
    public static string Summary(IEnumerable<ReturnReason> reasons) =>
        string.Join("；", reasons.Select(r => Unended(string.IsNullOrEmpty(r.Field) ? r.Message : $"{r.FieldLabel}：{r.Message}")));

    private static string Unended(string text) => text.TrimEnd().TrimEnd('。', '；', ';', '，', ',', '.', ' ');
}
