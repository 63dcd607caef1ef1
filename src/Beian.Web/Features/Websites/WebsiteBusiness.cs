using Beian.Core.Applications;
using Beian.Core.Numbering;
using Beian.Core.Websites;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;

namespace Beian.Web.Features.Websites;

/// <summary>网站业务 (SPEC §4): what makes a website filing itself for the shared pages.</summary>
public sealed class WebsiteBusiness : Business<WebsiteForm>
{
    private const string BasicSection = "网站基本信息";

    public override string Segment => "Websites";
    public override string Noun => "网站";
    public override string RecordType => Website.Type;
    public override FilingCategory Category => FilingCategory.Website;
    public override BusinessType NewType => BusinessType.NewWebsite;
    public override BusinessType ChangeType => BusinessType.ChangeWebsite;
    public override BusinessType CancelType => BusinessType.CancelWebsite;
    public override Verification.VerificationPurpose CancelPurpose => Verification.VerificationPurpose.CancelWebsite;
    public override IReadOnlyCollection<BusinessType> Types => [NewType, BusinessType.ClaimWebsite, ChangeType, CancelType];
    public override string BasicInfoTitle => BasicSection;
    public override string BasicInfoPartial => "/Features/Websites/_BasicInfoStep.cshtml";
    public override string SnapshotPartial => "/Features/Websites/_WebsiteSnapshot.cshtml";
    public override bool OffersOpinionGuide => true;
    public override string NumberPanelPartial => "/Features/Shared/_FilingNumberPanel.cshtml";
    public override string IdentifierLabel => "主域名";
    public override string CancellationHelp => "只有已关闭（无法访问）的网站才能注销。网站不再开办时，请于5个工作日内提出注销申请。";
    public override string IdentifierOf(BusinessRecord record) => ((Website)record).MainDomain ?? "无独立域名";

    protected override IEnumerable<ReviewField> BasicInfoFields(WebsiteForm form)
    {
        var info = form.BasicInfo;
        yield return BasicField(WebsiteFields.Name, "网站名称", info.Name);
        yield return BasicField(WebsiteFields.IcpNumber, "工信部备案号", info.HasIcpNumber == true ? info.IcpNumber : "无");
        yield return BasicField(WebsiteFields.OpenedOn, "网站开通日期", info.OpenedOn?.ToString("yyyy-MM-dd"));
        yield return BasicField(WebsiteFields.MainDomain, "主域名", info.HasDomain ? info.MainDomain : "无独立域名");
        yield return new("BasicInfo.DomainCertificateFileId", BasicSection, "域名证书", info.DomainCertificateFileId == null ? "未上传" : "已上传",
            FileId: info.DomainCertificateFileId);
        yield return BasicField("BasicInfo.SubDomainsText", "从域名", info.SubDomains.Count == 0 ? "无" : string.Join("、", info.SubDomains));
        yield return BasicField("BasicInfo.IpsText", "网站IP", string.Join("、", info.Ips));
        yield return BasicField("BasicInfo.AccessProvider.Name", "网络接入服务商", $"{info.AccessProvider.Name}（{info.AccessProvider.Scope}）");
        yield return BasicField("BasicInfo.AccessMethod", "网站接入方式", info.AccessMethod);
        yield return BasicField("BasicInfo.Registrar.Name", "域名注册服务商", info.Registrar.Name);
        foreach (var field in ServiceDeclarationReviewFields.Of(info, BasicSection))
            yield return field.Key == WebsiteFields.Languages ? field with { Label = "网站语种" } : field;
    }
}
