using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Core.Websites;
using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Websites;

/// <summary>A website filing as the reviewer reads it: every field of steps ② and ③ with its uploads.</summary>
public static class WebsiteReviewFields
{
    private const string BasicSection = "网站基本信息";

    public static IReadOnlyList<ReviewField> Of(WebsiteForm form)
    {
        var info = form.BasicInfo;
        var fields = new List<ReviewField>
        {
            Basic(WebsiteFields.Name, "网站名称", info.Name),
            Basic(WebsiteFields.IcpNumber, "工信部备案号", info.HasIcpNumber == true ? info.IcpNumber : "无"),
            Basic(WebsiteFields.OpenedOn, "网站开通日期", info.OpenedOn?.ToString("yyyy-MM-dd")),
            Basic(WebsiteFields.MainDomain, "主域名", info.HasDomain ? info.MainDomain : "无独立域名"),
            new("BasicInfo.DomainCertificateFileId", BasicSection, "域名证书", info.DomainCertificateFileId == null ? "未上传" : "已上传",
                FileId: info.DomainCertificateFileId),
            Basic("BasicInfo.SubDomainsText", "从域名", info.SubDomains.Count == 0 ? "无" : string.Join("、", info.SubDomains)),
            Basic("BasicInfo.IpsText", "网站IP", string.Join("、", info.Ips)),
            Basic("BasicInfo.AccessProvider.Name", "网络接入服务商", $"{info.AccessProvider.Name}（{info.AccessProvider.Scope}）"),
            Basic("BasicInfo.AccessMethod", "网站接入方式", info.AccessMethod),
            Basic("BasicInfo.Registrar.Name", "域名注册服务商", info.Registrar.Name),
            Basic("BasicInfo.ProvidesInteractiveServices", "互联网交互服务", info.ProvidesInteractiveServices == true ? "是（交互式）" : "否（非交互式）"),
            Basic(WebsiteFields.ServiceTypes, "服务类型", string.Join("、", info.ServiceTypes.Select(t => t.DisplayName()))),
            Basic(WebsiteFields.DangerousGoods, "危险物品信息",
                info.PublishesDangerousGoods == true ? string.Join("、", info.DangerousGoods.Select(k => k.DisplayName())) : "否"),
        };
        fields.AddRange(info.DangerousGoodsFiles.Select(file =>
            new ReviewField(WebsiteFields.DangerousGoods, BasicSection, $"{file.Key.DisplayName()}资质证明", "已上传", FileId: file.Value)));
        fields.Add(Basic(WebsiteFields.PrePermits, "前置许可",
            info.HasPrePermits == true ? string.Join("、", info.PrePermits.Select(p => p.DisplayName())) : "否"));
        fields.AddRange(info.PrePermitFiles.Select(file =>
            new ReviewField(WebsiteFields.PrePermits, BasicSection, $"{file.Key.DisplayName()}许可证明文件", "已上传", FileId: file.Value)));
        fields.Add(Basic(WebsiteFields.Languages, "网站语种", string.Join("、", info.Languages.Select(l => l.DisplayName()))));
        foreach (var key in WizardSlots.PersonKeys)
        {
            if (key == "OpinionGuide" && !form.People.HasOpinionGuide) continue;
            fields.AddRange(PersonFields(key, WizardSlots.PersonOf(form.People, key)));
        }
        return fields;
    }

    private static ReviewField Basic(string key, string label, string? value) => new(key, BasicSection, label, value ?? string.Empty);

    private static IEnumerable<ReviewField> PersonFields(string key, SitePerson person)
    {
        var role = WizardSlots.RoleOf(key);
        var prefix = $"People.{key}";
        yield return new($"{prefix}.Name", role, "姓名", person.Name ?? string.Empty);
        yield return new($"{prefix}.CertificateType", role, "证件类型", person.CertificateType?.DisplayName() ?? string.Empty);
        yield return new($"{prefix}.CertificateNumber", role, "证件号码", person.CertificateNumber ?? string.Empty,
            Masking.MaskMiddle(person.CertificateNumber, 3, 4));
        yield return new($"{prefix}.CertificateValidUntil", role, "证件有效期",
            person.CertificateLongTerm ? "长期有效" : person.CertificateValidUntil?.ToString("yyyy-MM-dd") ?? string.Empty);
        yield return new($"{prefix}.IdFrontFileId", role, "证件人像面", person.IdFrontFileId == null ? "未上传" : "已上传", FileId: person.IdFrontFileId);
        yield return new($"{prefix}.IdBackFileId", role, "证件国徽面", person.IdBackFileId == null ? "未上传" : "已上传", FileId: person.IdBackFileId);
        yield return new($"{prefix}.Mobile", role, "手机号码", person.Mobile ?? string.Empty, MobileNumber.Mask(person.Mobile));
        yield return new($"{prefix}.Email", role, "电子邮件地址", person.Email ?? string.Empty);
    }
}
