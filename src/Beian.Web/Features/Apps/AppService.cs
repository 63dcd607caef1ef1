using Beian.Core.Apps;
using Beian.Core.Filing;
using Beian.Core.Rules;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Apps;

/// <summary>
/// The APP's part of the shared filing machinery: its identifier columns (one APP, one subject), its
/// step ② check with the facts read from uploaded packages, filling the form from a newly uploaded
/// package, and the 公共查询 projection.
/// </summary>
public sealed class AppService(BusinessFilingServices services, AppBusiness business, TimeProvider clock, PublicServices publicServices,
    Unfiled.UnfiledOutcomes unfiled)
    : ServiceFiling<App, AppForm>(services, publicServices)
{
    public override IBusiness Business => business;

    protected override async Task OnFiledAsync(App app, AppForm form, FilingApplication application, CancellationToken cancellationToken)
    {
        await base.OnFiledAsync(app, form, application, cancellationToken);
        await unfiled.AppFiledAsync(app.Id, PackagesOf(app), cancellationToken);
    }

    protected override async Task OnChangedAsync(App app, AppForm form, CancellationToken cancellationToken)
    {
        await base.OnChangedAsync(app, form, cancellationToken);
        await unfiled.AppFiledAsync(app.Id, PackagesOf(app), cancellationToken);
    }

    private static List<string> PackagesOf(App app) =>
        new[] { app.AndroidPackage, app.IosBundleId, app.HarmonyPackage }.OfType<string>().ToList();

    protected override App NewRecord(Guid subjectId, string ownerUserId, RecordStep step) => App.NewPending(subjectId, ownerUserId, step);

    protected override void Project(App app, AppForm form)
    {
        var info = form.BasicInfo;
        string? IdentifierOf(AppPlatform platform) => info.PlatformInfo(platform) is { Offered: true } offered ? offered.Identifier?.Trim() : null;
        app.AndroidPackage = IdentifierOf(AppPlatform.Android);
        app.IosBundleId = IdentifierOf(AppPlatform.Ios);
        app.HarmonyPackage = IdentifierOf(AppPlatform.HarmonyOs);
        app.Platforms = string.Join("、", info.Platforms.Select(p => p.DisplayName()));
    }

    protected override async Task<IReadOnlyList<Finding>> CheckBasicInfoAsync(AppForm form, Subject subject, SubjectForm subjectForm, Guid? recordId,
        CancellationToken cancellationToken)
    {
        var info = form.BasicInfo;
        var packages = await PackagesOfAsync(info, cancellationToken);
        var services = info.Facts();
        var facts = new AppFacts
        {
            Naming = NamingOf(subject, subjectForm, info, services),
            Introduction = info.Introduction,
            ScreenshotCount = info.ScreenshotFiles.Count,
            Platforms = info.Platforms.Select(p => new AppPlatformFacts(p, info.PlatformInfo(p).Identifier, info.PlatformInfo(p).PublicKey,
                info.PlatformInfo(p).Fingerprint, packages.GetValueOrDefault(p)?.Facts)).ToList(),
            Versions = info.Versions.Select(v => new AppVersionFacts(v.Platform, v.Number, v.ReleasedOn)).ToList(),
            Channels = info.Channels.Select(c => new AppChannelFacts(c.Store, c.Url)).ToList(),
            HasIcpNumber = info.HasIcpNumber,
            IcpNumber = info.IcpNumber,
            UserScale = info.UserScale,
            Operations = info.Operations,
            Services = services,
            HasSecurityPlan = info.SecurityPlanFileId != null,
            Today = Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow()),
            IdentifiersFiledElsewhere = await FiledElsewhereAsync(info, subject.Id, recordId, cancellationToken),
        };
        return AppRules.Check(facts);
    }

    /// <summary>
    /// A package uploaded since the form was last shown fills what the applicant left empty (包名, 公钥, fingerprint,
    /// a version line) and is named in a notice, so the person checks what was read before going on.
    /// </summary>
    public override async Task<IReadOnlyList<string>> TakeFilesAsync(AppForm form, CancellationToken cancellationToken)
    {
        var info = form.BasicInfo;
        info.DropBlankRows();
        var notices = new List<string>();
        foreach (var (platform, package) in await PackagesOfAsync(info, cancellationToken))
        {
            var details = info.PlatformInfo(platform);
            var filled = Fill(details, package);
            if (package.VersionName is { } version && !info.Versions.Any(v => v.Platform == platform && v.Number?.Trim() == version))
            {
                info.Versions.Add(new AppVersion { Platform = platform, Number = version, ReleasedOn = Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow()) });
                filled.Add("版本号");
            }
            if (filled.Count > 0)
                notices.Add($"已从{platform.DisplayName()}安装包读取{string.Join("、", filled)}（{package.Identifier} {package.VersionName}），请核对后继续。");
        }
        return notices;
    }

    private static List<string> Fill(AppPlatformInfo details, InspectedPackage package)
    {
        var filled = new List<string>();
        details.Offered = true;
        if (string.IsNullOrWhiteSpace(details.Identifier))
        {
            details.Identifier = package.Identifier;
            filled.Add(package.Platform.IdentifierLabel());
        }
        if (string.IsNullOrWhiteSpace(details.Fingerprint) && package.Fingerprints.Count > 0)
        {
            details.Fingerprint = package.Fingerprints[0];
            filled.Add(package.Platform.FingerprintLabel());
        }
        if (string.IsNullOrWhiteSpace(details.PublicKey) && package.Certificates.Count > 0)
        {
            details.PublicKey = package.Certificates[0].PublicKey;
            filled.Add("公钥");
        }
        return filled;
    }

    /// <summary>What was read from the packages the form holds, by platform (kept with each file when it was uploaded).</summary>
    private async Task<Dictionary<AppPlatform, InspectedPackage>> PackagesOfAsync(AppBasicInfo info, CancellationToken cancellationToken)
    {
        var ids = info.Platforms.Select(p => info.PlatformInfo(p).PackageFileId).OfType<Guid>().ToList();
        if (ids.Count == 0) return [];
        var inspections = await Db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => f.Inspection).ToListAsync(cancellationToken);
        return inspections.Select(InspectedPackage.FromJson).OfType<InspectedPackage>()
            .Where(p => info.PlatformInfo(p.Platform).Offered).GroupBy(p => p.Platform).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The typed identifiers held by an APP of another subject that is filed or on its way (one APP, one subject).</summary>
    private async Task<IReadOnlySet<string>> FiledElsewhereAsync(AppBasicInfo info, Guid subjectId, Guid? recordId, CancellationToken cancellationToken)
    {
        var typed = info.Platforms.Where(p => p != AppPlatform.Other).Select(p => info.PlatformInfo(p).Identifier?.Trim())
            .OfType<string>().Where(i => i.Length > 0).Distinct().ToList();
        if (typed.Count == 0) return new HashSet<string>();
        var live = FilingStateMachine.LiveStatuses.ToArray();
        var held = await Records.AsNoTracking()
            .Where(a => a.SubjectId != subjectId && a.Id != recordId && live.Contains(a.Status)
                && (typed.Contains(a.AndroidPackage!) || typed.Contains(a.IosBundleId!) || typed.Contains(a.HarmonyPackage!)))
            .Select(a => new[] { a.AndroidPackage, a.IosBundleId, a.HarmonyPackage }).ToListAsync(cancellationToken);
        return held.SelectMany(ids => ids).OfType<string>().Where(typed.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    protected override string PlatformsOf(App app) => app.Platforms;

    protected override string ApprovalLine(App app) =>
        $"公安备案号：{app.NumberDisplay}，请在APP的“关于”等页面显著位置标明备案编号";
}
