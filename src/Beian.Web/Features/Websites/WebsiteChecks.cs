using Beian.Core.IdentityNumbers;
using Beian.Core.Accounts;
using Beian.Core.Contacts;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>
/// The checks of each wizard step: ② hands the basic information to the pre-check engine of
/// Beian.Core (with the subject's facts and the duplicate-domain look-up), ③ checks the people,
/// ④ the consent. Field names are paths inside <see cref="WebsiteForm"/>.
/// </summary>
public sealed class WebsiteChecks(BeianDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Finding>> BasicInfoAsync(WebsiteForm form, Subject subject, SubjectForm subjectForm, Guid? websiteId, CancellationToken cancellationToken = default)
    {
        var info = form.BasicInfo;
        var findings = new List<Finding>();
        if (info.ProvidesInteractiveServices == null) findings.Add(Finding.Error("SITE-INTERACTIVE-CHOICE", "BasicInfo.ProvidesInteractiveServices", "请选择是否提供互联网交互服务"));
        CheckProvider(findings, "BasicInfo.AccessProvider", info.AccessProvider, "网络接入服务商");
        if (string.IsNullOrWhiteSpace(info.AccessMethod)) findings.Add(Finding.Error("SITE-ACCESS-METHOD", "BasicInfo.AccessMethod", "请选择网站接入方式"));
        if (info.HasDomain) CheckProvider(findings, "BasicInfo.Registrar", info.Registrar, "域名注册服务商");

        var facts = new WebsiteFacts
        {
            SubjectNature = subject.Nature,
            OrganisationKind = subjectForm.OrganisationKind,
            SubjectName = subject.Name,
            Name = info.Name,
            HasIcpNumber = info.HasIcpNumber,
            IcpNumber = info.IcpNumber,
            OpenedOn = info.OpenedOn,
            Today = Today,
            HasDomain = info.HasDomain,
            MainDomain = info.MainDomain,
            SubDomains = info.SubDomains,
            Ips = info.Ips,
            MainDomainFiledByOtherSubject = await DomainTakenAsync(info, subject.Id, websiteId, cancellationToken),
            ProvidesInteractiveServices = info.ProvidesInteractiveServices == true,
            ServiceTypes = info.ServiceTypes,
            PublishesDangerousGoods = info.PublishesDangerousGoods == true,
            DangerousGoods = info.DangerousGoods.Select(k => new DangerousGoodsEntry(k, info.DangerousGoodsFiles.ContainsKey(k))).ToList(),
            HasPrePermits = info.HasPrePermits == true,
            PrePermits = info.PrePermits.Select(p => new PrePermitEntry(p, info.PrePermitFiles.ContainsKey(p))).ToList(),
            Languages = info.Languages,
        };
        findings.AddRange(WebsiteRules.Check(facts).Select(ToFormField));
        return findings;
    }

    public IReadOnlyList<Finding> People(WebsiteForm form)
    {
        var people = form.People;
        var findings = new List<Finding>();
        CheckPerson(findings, "People.Principal", people.Principal, "网站负责人", needsIdImages: true);
        CheckPerson(findings, "People.SecurityOfficer", people.SecurityOfficer, "网站安全负责人", needsIdImages: true);
        CheckPerson(findings, "People.EmergencyContact", people.EmergencyContact, "网站应急联络人", needsIdImages: true);
        if (people.HasOpinionGuide) CheckPerson(findings, "People.OpinionGuide", people.OpinionGuide, "舆情引导员", needsIdImages: true);
        if (people.EmergencyContact.IsSamePersonAs(people.Principal))
            findings.Add(Finding.Warning("SITE-EMERGENCY-SAME", "People.EmergencyContact.Name", "网站应急联络人与网站负责人为同一人，建议另设7×24小时可联系的应急联络人"));
        return findings;
    }

    public IReadOnlyList<Finding> Consent(WebsiteForm form) =>
        form.Consent ? [] : [Finding.Error("SITE-CONSENT", "Consent", "请阅读责任告知书并勾选同意")];

    private void CheckPerson(List<Finding> findings, string prefix, SitePerson person, string role, bool needsIdImages)
    {
        if (string.IsNullOrWhiteSpace(person.Name)) findings.Add(Required($"{prefix}.Name", $"请填写{role}姓名"));
        if (person.CertificateType == null) findings.Add(Required($"{prefix}.CertificateType", $"请选择{role}证件类型"));
        if (string.IsNullOrWhiteSpace(person.CertificateNumber)) findings.Add(Required($"{prefix}.CertificateNumber", $"请填写{role}证件号码"));
        else if (person.CertificateType is { } type && CertificateValidator.Check(type, person.CertificateNumber, Today) is { IsValid: false } check)
            findings.Add(Finding.Error("SITE-PERSON-CERT", $"{prefix}.CertificateNumber", check.Message!));
        if (!person.CertificateLongTerm && person.CertificateValidUntil == null)
            findings.Add(Required($"{prefix}.CertificateValidUntil", "请填写证件有效期限结束日期，或勾选长期有效"));
        else if (!person.CertificateLongTerm && person.CertificateValidUntil < Today)
            findings.Add(Finding.Error("SITE-PERSON-CERT-EXPIRED", $"{prefix}.CertificateValidUntil", "证件已过有效期"));
        if (needsIdImages && person.IdFrontFileId == null) findings.Add(Required($"{prefix}.IdFrontFileId", "请上传证件人像面"));
        if (needsIdImages && person.IdBackFileId == null) findings.Add(Required($"{prefix}.IdBackFileId", "请上传证件国徽面"));
        if (string.IsNullOrWhiteSpace(person.Mobile)) findings.Add(Required($"{prefix}.Mobile", $"请填写{role}手机号码"));
        else if (!MobileNumber.IsValid(person.Mobile)) findings.Add(Finding.Error("SITE-PERSON-MOBILE", $"{prefix}.Mobile", "请填写真实的11位手机号码"));
        if (!string.IsNullOrWhiteSpace(person.Email) && !EmailAddress.IsValid(person.Email))
            findings.Add(Finding.Error("SITE-PERSON-EMAIL", $"{prefix}.Email", "电子邮件地址格式不正确"));
    }

    private static void CheckProvider(List<Finding> findings, string prefix, ProviderChoice provider, string what)
    {
        if (string.IsNullOrWhiteSpace(provider.Scope)) findings.Add(Required($"{prefix}.Scope", $"请选择{what}所属地区管辖"));
        if (provider.Scope == "境内" && string.IsNullOrWhiteSpace(provider.RegionCode)) findings.Add(Required($"{prefix}.RegionCode", $"请选择{what}所属区域"));
        if (string.IsNullOrWhiteSpace(provider.Name)) findings.Add(Required($"{prefix}.Name", $"请填写{what}名称，或点击【查询{what}】选择"));
    }

    /// <summary>Another subject's live website already holds this registrable domain.</summary>
    private Task<bool> DomainTakenAsync(WebsiteBasicInfo info, Guid subjectId, Guid? websiteId, CancellationToken cancellationToken) =>
        info.HasDomain ? DomainHolders.AnyAsync(db, info.MainDomain, subjectId, websiteId, cancellationToken) : Task.FromResult(false);

    /// <summary>List findings point at one line of the text box the person typed them in.</summary>
    private static Finding ToFormField(Finding finding)
    {
        foreach (var (list, box) in new[] { (WebsiteFields.SubDomainList, "BasicInfo.SubDomainsText"), (WebsiteFields.IpList, "BasicInfo.IpsText") })
        {
            if (!finding.Field.StartsWith(list + "[", StringComparison.Ordinal)) continue;
            var index = int.Parse(finding.Field[(list.Length + 1)..^1]);
            return finding with { Field = box, Message = $"第{index + 1}行：{finding.Message}" };
        }
        return finding.Field == WebsiteFields.SubDomainList ? finding with { Field = "BasicInfo.SubDomainsText" }
            : finding.Field == WebsiteFields.IpList ? finding with { Field = "BasicInfo.IpsText" }
            : finding;
    }

    private static Finding Required(string field, string message) => Finding.Error("SITE-REQUIRED", field, message);

    private DateOnly Today => Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow());
}
