using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Subjects;

/// <summary>What a person types into 新增主体 for a 单位 in 杭州市西湖区, and the files they choose.</summary>
public static class SubjectForms
{
    public const string CreditCode = "91110108551385082Q";
    public const string PrincipalId = "11010519491231002X";
    public const string PrincipalMobile = "13958201734";

    public static Dictionary<string, string> Organisation(string name = "北京小米科技有限责任公司", string mobile = PrincipalMobile) => new()
    {
        ["Form.Nature"] = "Organisation",
        ["Form.OrganisationKind"] = "Enterprise",
        ["Form.Organisation.Name"] = name,
        ["Form.Organisation.CertificateType"] = "UnifiedSocialCreditCode",
        ["Form.Organisation.CertificateNumber"] = CreditCode,
        ["Form.Organisation.OfficeAddress.ProvinceCode"] = "330000",
        ["Form.Organisation.OfficeAddress.CityCode"] = "330100",
        ["Form.Organisation.OfficeAddress.CountyCode"] = "330106",
        ["Form.Organisation.OfficeAddress.Detail"] = "文三路90号东部软件园1号楼",
        ["Form.Organisation.LegalRepresentative"] = "张伟",
        ["Form.Principal.Name"] = "李明",
        ["Form.Principal.CertificateType"] = "ResidentIdCard",
        ["Form.Principal.CertificateNumber"] = PrincipalId,
        ["Form.Principal.CertificateValidUntil"] = "2036-05-01",
        ["Form.Principal.ResidenceAddress.ProvinceCode"] = "330000",
        ["Form.Principal.ResidenceAddress.CityCode"] = "330100",
        ["Form.Principal.ResidenceAddress.CountyCode"] = "330106",
        ["Form.Principal.ResidenceAddress.Detail"] = "文三路100号3幢2单元501室",
        ["Form.Principal.Mobile"] = mobile,
        ["Form.Principal.OfficePhone"] = "0571-88156273",
        ["Form.Principal.Email"] = "liming@example.com",
    };

    /// <summary>A principal mobile of its own, so that SMS limits of one test never touch another.</summary>
    public static string UniqueMobile() => "1395" + Random.Shared.Next(1000000, 9999999);

    public static Dictionary<string, TestUpload> AllFiles() => new()
    {
        ["Uploads.Licence.File"] = TestUpload.Png("licence.png"),
        ["Uploads.IdFront.File"] = TestUpload.Png("front.png"),
        ["Uploads.IdBack.File"] = TestUpload.Png("back.png"),
        ["Uploads.IdHandheld.File"] = TestUpload.Png("handheld.png"),
    };
}
