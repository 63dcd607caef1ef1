using Beian.Core.Uploads;
using Beian.Core.Websites;

namespace Beian.Web.Features.Websites;

/// <summary>
/// The upload slots of the website wizard, by key: 域名证书, one 资质证明 per 危险物品 kind, one
/// 许可证明文件 per 前置许可, and 人像面 / 国徽面 of each person of step ③.
/// </summary>
public static class WizardSlots
{
    public const string DomainCertificate = "DomainCertificate";

    public static readonly string[] PersonKeys = ["Principal", "SecurityOfficer", "EmergencyContact", "OpinionGuide"];

    public static string Goods(DangerousGoods kind) => $"Goods-{kind}";

    public static string Permit(PrePermit permit) => $"Permit-{permit}";

    public static string IdFront(string person) => $"{person}-IdFront";

    public static string IdBack(string person) => $"{person}-IdBack";

    public static string FieldName(string slot) => $"Uploads[{slot}]";

    public static UploadPurpose PurposeOf(string slot) =>
        slot == DomainCertificate ? UploadPurpose.DomainCertificate
        : slot.StartsWith("Goods-", StringComparison.Ordinal) ? UploadPurpose.DangerousGoodsQualification
        : slot.StartsWith("Permit-", StringComparison.Ordinal) ? UploadPurpose.PrePermit
        : slot.EndsWith("-IdFront", StringComparison.Ordinal) ? UploadPurpose.IdFront
        : UploadPurpose.IdBack;

    public static SitePerson PersonOf(WebsitePeople people, string key) => key switch
    {
        "Principal" => people.Principal,
        "SecurityOfficer" => people.SecurityOfficer,
        "EmergencyContact" => people.EmergencyContact,
        _ => people.OpinionGuide,
    };

    public static string RoleOf(string key) => key switch
    {
        "Principal" => "网站负责人",
        "SecurityOfficer" => "网站安全负责人",
        "EmergencyContact" => "网站应急联络人",
        _ => "舆情引导员",
    };
}
