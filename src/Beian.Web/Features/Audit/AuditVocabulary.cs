using Beian.Core.Applications;

namespace Beian.Web.Features.Audit;

/// <summary>What was done: an English code stored in the record and its Chinese label (one lookup).</summary>
public static class AuditActions
{
    // The application transitions keep their own names (ApplicationAction): Submit, Claim,
    // Approve, Return, Revoke, Resubmit; their labels come from ApplicationAction.Label().
    public const string Create = "Create";
    public const string ChangeStatus = "ChangeStatus";
    public const string Delete = "Delete";
    public const string ReadPersonalData = "ReadPersonalData";
    public const string VerifyChain = "VerifyChain";
    public const string FlagShutdownRisk = "FlagShutdownRisk";
    public const string ChangeSettings = "ChangeSettings";
    public const string EditContent = "EditContent";
    public const string Publish = "Publish";
    public const string Unpublish = "Unpublish";
    public const string CreateApiKey = "CreateApiKey";
    public const string RevokeApiKey = "RevokeApiKey";
    public const string CallApi = "CallApi";
    public const string SubmitReport = "SubmitReport";

    private static readonly Dictionary<string, string> Labels = new()
    {
        [Create] = "新建",
        [ChangeStatus] = "状态变更",
        [Delete] = "删除",
        [ReadPersonalData] = "查看个人信息",
        [VerifyChain] = "校验审计日志完整性",
        [FlagShutdownRisk] = "标记关停风险",
        [ChangeSettings] = "修改设置",
        [EditContent] = "修改内容",
        [Publish] = "发布",
        [Unpublish] = "取消发布",
        [CreateApiKey] = "创建API密钥",
        [RevokeApiKey] = "停用API密钥",
        [CallApi] = "接口调用",
        [SubmitReport] = "上报数据",
    };

    public static string For(ApplicationAction action) => action.ToString();

    /// <summary>Every code with its label, for the filter of the 审计日志 page.</summary>
    public static IEnumerable<(string Code, string Label)> All =>
        Enum.GetValues<ApplicationAction>().Select(a => (a.ToString(), a.Label()))
            .Concat(Labels.Select(kv => (kv.Key, kv.Value)));

    /// <summary>"Approve" → 审核通过, "ReadPersonalData" → 查看个人信息; an unknown code shows as itself.</summary>
    public static string Label(string code) =>
        Labels.TryGetValue(code, out var label) ? label
        : Enum.TryParse<ApplicationAction>(code, ignoreCase: false, out var action) && Enum.IsDefined(action) ? action.Label()
        : code;
}

/// <summary>成功 / 拒绝 / 失败.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "Succeeded";
    public const string Refused = "Refused";
    public const string Failed = "Failed";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
        [(Succeeded, "成功"), (Refused, "拒绝"), (Failed, "失败")];

    public static string Label(string code) => All.FirstOrDefault(o => o.Code == code).Label ?? code;
}

/// <summary>What it was done to.</summary>
public static class AuditObjectTypes
{
    public const string Application = "Application";
    public const string Subject = "Subject";
    public const string Website = "Website";
    public const string File = "File";
    public const string OfflineFiling = "OfflineFiling";
    public const string UnfiledSite = "UnfiledSite";
    public const string AuditLog = "AuditLog";
    public const string PoliceUnit = "PoliceUnit";
    public const string Account = "Account";
    public const string ContentItem = "ContentItem";
    public const string DownloadItem = "DownloadItem";
    public const string HolidayYear = "HolidayYear";
    public const string Reporter = "Reporter";
    public const string UnfiledApp = "UnfiledApp";
    public const string ServiceReport = "ServiceReport";
    /// <summary>【导出Excel】 of a police list: the list's kind for one sent at once, the export's id for one written in the background.</summary>
    public const string Export = "Export";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Application, "申请"),
        (Subject, "开办主体"),
        (Website, "网站"),
        (File, "文件"),
        (OfflineFiling, "已办网站（线下备案）"),
        (UnfiledSite, "未备案网站"),
        (AuditLog, "审计日志"),
        (PoliceUnit, "公安机关"),
        (Account, "账号"),
        (ContentItem, "栏目内容"),
        (DownloadItem, "下载中心文件"),
        (HolidayYear, "节假日安排"),
        (Reporter, "服务商、应用市场"),
        (UnfiledApp, "未备案APP"),
        (ServiceReport, "上报数据"),
        (Export, "导出Excel"),
    ];

    public static string Label(string code) => All.FirstOrDefault(o => o.Code == code).Label ?? code;
}
