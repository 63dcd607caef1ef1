using Beian.Core.Filing;
using Beian.Core.Applications;
using Beian.Core.Apps;
using Beian.Core.Numbering;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Verification;

namespace Beian.Web.Features.Apps;

/// <summary>APP业务 (SPEC §5): what makes an APP filing itself for the shared pages.</summary>
public sealed class AppBusiness : Business<AppForm>
{
    private const string BasicSection = "APP基本信息";

    public override string Segment => "Apps";
    public override string Noun => "APP";
    public override string RecordType => App.Type;
    public override FilingCategory Category => FilingCategory.App;
    public override BusinessType NewType => BusinessType.NewApp;
    public override BusinessType ChangeType => BusinessType.ChangeApp;
    public override BusinessType CancelType => BusinessType.CancelApp;
    public override VerificationPurpose CancelPurpose => VerificationPurpose.CancelApp;
    public override string BasicInfoTitle => BasicSection;
    public override string BasicInfoPartial => "/Features/Apps/_BasicInfoStep.cshtml";
    public override string SnapshotPartial => "/Features/Apps/_AppSnapshot.cshtml";
    public override string NumberPanelPartial => "/Features/Filing/_ServiceNumberPanel.cshtml";
    public override bool TakesPackages => true;
    public override string? PublicScope => "app";

    /// <summary>管理APP → 详情 → 【版本信息】 (the versions filed), and a new version through 变更APP once filed.</summary>
    public override IReadOnlyList<RecordLink> DetailLinks(BusinessRecord record) => VersionLinks(record, "#app-versions");
    public override string IdentifierLabel => "平台";
    public override string IdentifierOf(BusinessRecord record) => ((App)record).Platforms;
    public override string BadgeNotice => "在APP的“关于”等页面显著位置标明公安机关核发的备案编号";
    public override string SuspensionNotice => "公安机关将依法通知应用市场及网络接入服务商暂停该APP的分发和接入";
    public override string CancellationHelp => "APP停止运营（各应用市场已下架）后，请于5个工作日内提出注销申请。";

    protected override IEnumerable<ReviewField> BasicInfoFields(AppForm form)
    {
        var info = form.BasicInfo;
        yield return BasicField(AppFields.Name, "APP名称", info.Name);
        yield return ServiceInfos.IntroductionReviewField(info, BasicSection);
        foreach (var (number, file) in info.ScreenshotFiles.OrderBy(s => s.Key))
            yield return new(AppFields.Screenshots, BasicSection, $"运行截图{number}", "已上传", FileId: file);
        foreach (var platform in info.Platforms)
        {
            var section = $"{platform.DisplayName()}平台";
            var details = info.PlatformInfo(platform);
            yield return new(AppFields.Identifier(platform), section, platform.IdentifierLabel(), details.Identifier ?? string.Empty);
            if (platform == AppPlatform.Other) continue;
            yield return new(AppFields.PublicKey(platform), section, "公钥", details.PublicKey ?? string.Empty);
            yield return new(AppFields.Fingerprint(platform), section, platform.FingerprintLabel(), details.Fingerprint ?? string.Empty);
            if (details.PackageFileId is { } package)
                yield return new(AppFields.Package(platform), section, "安装包", "已上传（平台已读取并核对签名）", FileId: package);
        }
        foreach (var field in ServiceInfos.VersionAndIcpReviewFields(info, BasicSection, ServiceIcpNumber.App)) yield return field;
        yield return BasicField(AppFields.Channels, "分发渠道", string.Join("；", info.Channels.Select(c => $"{c.Store} {c.Url}")));
        yield return BasicField(AppFields.UserScale, "当前用户量", info.UserScale);
        yield return BasicField(AppFields.Operations, "运营情况", info.Operations);
        foreach (var field in ServiceInfos.DeclarationReviewFields(info, BasicSection)) yield return field;
    }
}
