using Beian.Core.IdentityNumbers;
using Beian.Core.Accounts;
using Beian.Core.Contacts;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Websites;

/// <summary>
/// Step ② of a website: the basic information handed to the pre-check engine of Beian.Core (with
/// the subject's facts, through the <see cref="WebsitePrecheck"/> the API runs too). Field names are paths inside <see cref="WebsiteForm"/>.
/// </summary>
public sealed class WebsiteChecks(WebsitePrecheck precheck)
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
            HasDomain = info.HasDomain,
            MainDomain = info.MainDomain,
            SubDomains = info.SubDomains,
            Ips = info.Ips,
            Services = info.Facts(),
        };
        findings.AddRange((await precheck.CheckAsync(facts, subject.Id, websiteId, cancellationToken)).Select(ToFormField));
        return findings;
    }

    private static void CheckProvider(List<Finding> findings, string prefix, ProviderChoice provider, string what)
    {
        if (string.IsNullOrWhiteSpace(provider.Scope)) findings.Add(Required($"{prefix}.Scope", $"请选择{what}所属地区管辖"));
        if (provider.Scope == "境内" && string.IsNullOrWhiteSpace(provider.RegionCode)) findings.Add(Required($"{prefix}.RegionCode", $"请选择{what}所属区域"));
        if (string.IsNullOrWhiteSpace(provider.Name)) findings.Add(Required($"{prefix}.Name", $"请填写{what}名称，或点击【查询{what}】选择"));
    }

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
}
