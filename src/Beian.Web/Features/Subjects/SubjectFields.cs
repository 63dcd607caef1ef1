using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Core.Regions;
using Beian.Core.Subjects;
using Beian.Web.Features.Regions;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// The subject's fields in the manuals' order with their labels and how each value reads. Used by
/// the read-only views (申请详情, 我的主体), the 变更 diff table and, later, the reviewer's diff.
/// </summary>
public static class SubjectFields
{
    public static readonly IReadOnlyList<SubjectField> All =
    [
        new("Nature", "开办主体性质", false, f => f.Nature is { } n ? n.DisplayName() : ""),
        new("OrganisationKind", "主办单位性质", true, f => f.OrganisationKind is { } k ? k.DisplayName() : ""),
        new("Organisation.Name", "主办单位名称", true, f => f.Organisation.Name),
        new("Organisation.CertificateType", "主办单位证件类型", true, f => f.Organisation.CertificateType is { } t ? t.DisplayName() : ""),
        new("Organisation.CertificateNumber", "主办单位证件号", true, f => f.Organisation.CertificateNumber),
        new("Organisation.LicenceFileId", "主办单位有效证件", true, f => FileText(f.Organisation.LicenceFileId), IsFile: true),
        new("Organisation.OfficeAddress", "单位办公地址", true, f => AddressText(f.Organisation.OfficeAddress)),
        new("Organisation.RegisteredAddress", "单位注册地址", true, f => AddressText(f.Organisation.RegisteredAddress)),
        new("Organisation.LegalRepresentative", "法定代表人姓名", true, f => f.Organisation.LegalRepresentative),
        new("Principal.Name", "负责人姓名", false, f => f.Principal.Name),
        new("Principal.CertificateType", "负责人证件类型", false, f => f.Principal.CertificateType is { } t ? t.DisplayName() : ""),
        new("Principal.CertificateNumber", "负责人证件号码", false, f => f.Principal.CertificateNumber, IsPersonal: true),
        new("Principal.CertificateValidUntil", "负责人证件有效期", false,
            f => f.Principal.CertificateLongTerm ? "长期有效" : f.Principal.CertificateValidUntil?.ToString("yyyy-MM-dd")),
        new("Principal.IdFrontFileId", "身份证人像面", false, f => FileText(f.Principal.IdFrontFileId), IsFile: true),
        new("Principal.IdBackFileId", "身份证国徽面", false, f => FileText(f.Principal.IdBackFileId), IsFile: true),
        new("Principal.IdHandheldFileId", "身份证手持", false, f => FileText(f.Principal.IdHandheldFileId), IsFile: true),
        new("Principal.ResidenceAddress", "负责人常住地址", false, f => AddressText(f.Principal.ResidenceAddress)),
        new("Principal.Mobile", "负责人手机号码", false, f => f.Principal.Mobile, IsPersonal: true),
        new("Principal.OfficePhone", "办公室电话", false, f => f.Principal.OfficePhone),
        new("Principal.Email", "电子邮件地址", false, f => f.Principal.Email),
    ];

    public static IEnumerable<SubjectField> For(SubjectForm form) => All.Where(f => !f.OrganisationOnly || form.IsOrganisation);

    /// <summary>The value as a screen that does not need it whole shows it (ID and mobile masked).</summary>
    public static string Masked(SubjectField field, SubjectForm form)
    {
        var value = field.Read(form) ?? string.Empty;
        if (!field.IsPersonal || value.Length == 0) return value;
        return field.Path == "Principal.Mobile" ? MobileNumber.Mask(value) : Masking.MaskMiddle(value, 3, 4);
    }

    /// <summary>
    /// 变更字段 / 变更前 / 变更后 for every field whose value differs, in form order. A new
    /// upload shows as 已更换; a field that only exists for 单位 counts when either side is 单位.
    /// </summary>
    public static IReadOnlyList<FieldChange> Diff(SubjectForm before, SubjectForm after)
    {
        var changes = new List<FieldChange>();
        foreach (var field in All)
        {
            if (field.OrganisationOnly && !before.IsOrganisation && !after.IsOrganisation) continue;
            var old = field.OrganisationOnly && !before.IsOrganisation ? "" : field.Read(before) ?? "";
            var now = field.OrganisationOnly && !after.IsOrganisation ? "" : field.Read(after) ?? "";
            if (field.IsFile && FileChanged(field, before, after)) now = "已更换";
            if (field.IsFile ? FileChanged(field, before, after) : old != now)
                changes.Add(new FieldChange(changes.Count + 1, field.Label, old, now));
        }
        return changes;
    }

    private static bool FileChanged(SubjectField field, SubjectForm before, SubjectForm after) =>
        FileIdOf(field.Path, before) != FileIdOf(field.Path, after);

    public static Guid? FileIdOf(string path, SubjectForm form) => path switch
    {
        "Organisation.LicenceFileId" => form.Organisation.LicenceFileId,
        "Principal.IdFrontFileId" => form.Principal.IdFrontFileId,
        "Principal.IdBackFileId" => form.Principal.IdBackFileId,
        "Principal.IdHandheldFileId" => form.Principal.IdHandheldFileId,
        _ => null,
    };

    private static string FileText(Guid? fileId) => fileId == null ? "" : "已上传";

    private static string AddressText(AddressInput address) =>
        address.IsEmpty ? "" : address.FullText(RegionCatalog.Default);
}

public sealed record SubjectField(string Path, string Label, bool OrganisationOnly, Func<SubjectForm, string?> Read,
    bool IsPersonal = false, bool IsFile = false);

public sealed record FieldChange(int Number, string Field, string Before, string After);
