namespace Beian.Web.Features.Applications;

/// <summary>
/// The content of a 注销 application — of a subject (注销主体) or of one of its businesses (注销网站,
/// 注销APP …): the principal who confirmed it by SMS, the reason, an optional PDF.
/// </summary>
public sealed class CancellationRequest
{
    public string PrincipalName { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public Guid? AttachmentFileId { get; set; }
    /// <summary>What a liveness probe found when the cancellation was asked for (websites), or empty.</summary>
    public string ProbeResult { get; set; } = string.Empty;

    public const string SnapshotPartial = "/Features/Applications/_CancellationSnapshot.cshtml";

    public const string Section = "注销申请";

    /// <summary>The fields a reviewer reads and may return a reason on.</summary>
    public static IReadOnlyList<ReviewField> ReviewFields(CancellationRequest cancellation) =>
        new ReviewField[]
        {
            new("PrincipalName", Section, "负责人姓名", cancellation.PrincipalName),
            new("Reason", Section, "注销原因", cancellation.Reason),
            new("ProbeResult", Section, "访问检测", cancellation.ProbeResult),
            new("AttachmentFileId", Section, "附件", cancellation.AttachmentFileId == null ? "无" : "已上传", FileId: cancellation.AttachmentFileId),
        }.Where(f => f.Key != "ProbeResult" || f.Value.Length > 0).ToList();
}
