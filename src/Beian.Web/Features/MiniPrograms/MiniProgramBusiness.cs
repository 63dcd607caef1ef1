using Beian.Core.Applications;
using Beian.Core.Filing;
using Beian.Core.MiniPrograms;
using Beian.Core.Numbering;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Verification;

namespace Beian.Web.Features.MiniPrograms;

/// <summary>小程序业务, 快应用 included (SPEC §5): what makes a 小程序 filing itself for the shared pages.</summary>
public sealed class MiniProgramBusiness : Business<MiniProgramForm>
{
    private const string BasicSection = "小程序基本信息";

    public override string Segment => "MiniPrograms";
    public override string Noun => "小程序";
    public override string RecordType => MiniProgram.Type;
    public override FilingCategory Category => FilingCategory.MiniProgram;
    public override BusinessType NewType => BusinessType.NewMiniProgram;
    public override BusinessType ChangeType => BusinessType.ChangeMiniProgram;
    public override BusinessType CancelType => BusinessType.CancelMiniProgram;
    public override VerificationPurpose CancelPurpose => VerificationPurpose.CancelMiniProgram;
    public override string BasicInfoTitle => BasicSection;
    public override string BasicInfoPartial => "/Features/MiniPrograms/_BasicInfoStep.cshtml";
    public override string SnapshotPartial => "/Features/MiniPrograms/_MiniProgramSnapshot.cshtml";
    public override string NumberPanelPartial => "/Features/Filing/_ServiceNumberPanel.cshtml";
    public override string? PublicScope => "miniprogram";

    /// <summary>我的小程序 → 详情 → 【版本信息】, and a new version through 变更小程序 once filed.</summary>
    public override IReadOnlyList<RecordLink> DetailLinks(BusinessRecord record) => VersionLinks(record, "#mp-versions");

    public override string IdentifierLabel => "所属平台";
    public override string IdentifierOf(BusinessRecord record) => ((MiniProgram)record).PlatformName;
    public override string BadgeNotice => "在小程序的“关于”“设置”等页面显著位置标明公安机关核发的备案编号";
    public override string SuspensionNotice => "公安机关将依法通知小程序所属平台暂停该小程序的服务";
    public override string CancellationHelp => "小程序停止服务（已在所属平台下线）后，请于5个工作日内提出注销申请。";

    protected override IEnumerable<ReviewField> BasicInfoFields(MiniProgramForm form)
    {
        var info = form.BasicInfo;
        yield return BasicField(MiniProgramFields.Name, "小程序名称", info.Name);
        yield return ServiceInfos.IntroductionReviewField(info, BasicSection);
        yield return BasicField(MiniProgramFields.Platform, "所属平台", info.PlatformText);
        yield return BasicField(MiniProgramFields.AppId, info.Platform?.IdentifierLabel() ?? "AppID", info.AppId);
        foreach (var field in ServiceInfos.VersionAndIcpReviewFields(info, BasicSection, ServiceIcpNumber.MiniProgram)) yield return field;
        foreach (var field in ServiceInfos.DeclarationReviewFields(info, BasicSection)) yield return field;
    }
}
