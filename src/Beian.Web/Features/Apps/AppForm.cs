using System.ComponentModel.DataAnnotations;
using Beian.Core.Apps;
using Beian.Core.Uploads;
using Beian.Core.Websites;
using Beian.Web.Features.Filing;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.Apps;

/// <summary>新办APP申请 (SPEC §5): the shared frame of <see cref="BusinessForm{TBasic}"/> with ② APP基本信息.</summary>
public sealed class AppForm : BusinessForm<AppBasicInfo>;

public sealed class AppBasicInfo : ServiceBasicInfo
{
    /// <summary>APP运行截图 by slot number (1–5).</summary>
    public Dictionary<int, Guid> ScreenshotFiles { get; set; } = [];

    public AppPlatformInfo Android { get; set; } = new();
    public AppPlatformInfo Ios { get; set; } = new();
    public AppPlatformInfo HarmonyOs { get; set; } = new();
    public AppPlatformInfo Other { get; set; } = new();

    [Display(Name = "版本信息")]
    public List<AppVersion> Versions { get; set; } = [];

    [Display(Name = "分发渠道")]
    public List<AppChannel> Channels { get; set; } = [];

    [Display(Name = "当前用户量")]
    public string? UserScale { get; set; }

    [InputLimit(AppRules.MaxOperations)]
    [Display(Name = "运营情况")]
    public string? Operations { get; set; }

    public AppPlatformInfo PlatformInfo(AppPlatform platform) => platform switch
    {
        AppPlatform.Android => Android,
        AppPlatform.Ios => Ios,
        AppPlatform.HarmonyOs => HarmonyOs,
        _ => Other,
    };

    public override IEnumerable<ServiceVersion> VersionLines => Versions;

    /// <summary>The platforms ticked, in the form's order.</summary>
    public IEnumerable<AppPlatform> Platforms => AppPlatforms.All.Where(p => PlatformInfo(p).Offered);

    /// <summary>Drops the blank rows a posted form carries, so that a finding's row number is the row shown.</summary>
    public void DropBlankRows()
    {
        Versions.RemoveAll(v => v.IsBlank);
        Channels.RemoveAll(c => c.IsBlank);
    }

    public override IEnumerable<FileSlot> FileSlots() =>
        Enumerable.Range(1, AppRules.MaxScreenshots).Select(n => new FileSlot(ScreenshotSlot(n), UploadPurpose.AppScreenshot,
                ScreenshotFiles.TryGetValue(n, out var file) ? file : null, id => SetScreenshot(n, id), AppFields.Screenshots, $"截图{n}"))
            .Concat(AppPlatforms.All.Where(PackageReadable).Select(p => new FileSlot(PackageSlot(p), PackagePurpose(p),
                PlatformInfo(p).PackageFileId, id => PlatformInfo(p).PackageFileId = id, AppFields.Package(p), $"{p.DisplayName()}安装包")))
            .Append(this.SecurityPlan())
            .Concat(ServiceDeclarations.FileSlots(this));

    /// <summary>Android packages (.apk) and iOS packages (.ipa) are read; HarmonyOS and others are typed.</summary>
    public static bool PackageReadable(AppPlatform platform) => platform is AppPlatform.Android or AppPlatform.Ios;

    public static UploadPurpose PackagePurpose(AppPlatform platform) =>
        platform == AppPlatform.Ios ? UploadPurpose.IosPackage : UploadPurpose.AndroidPackage;

    public static string ScreenshotSlot(int number) => $"Screenshot-{number}";

    public static string PackageSlot(AppPlatform platform) => $"Package-{platform}";

    private void SetScreenshot(int number, Guid? id)
    {
        if (id is { } file) ScreenshotFiles[number] = file;
        else ScreenshotFiles.Remove(number);
    }
}

/// <summary>One platform of the APP: offered or not, its 包名 / Bundle ID, 公钥, fingerprint and, if uploaded, its package.</summary>
public sealed class AppPlatformInfo
{
    [Display(Name = "提供该平台")]
    public bool Offered { get; set; }

    [InputLimit(AppIdentifiers.MaxIdentifierLength)]
    public string? Identifier { get; set; }

    [InputLimit(AppIdentifiers.MaxPublicKeyLength)]
    [Display(Name = "公钥")]
    public string? PublicKey { get; set; }

    [InputLimit(80)]
    public string? Fingerprint { get; set; }

    public Guid? PackageFileId { get; set; }
}

/// <summary>One line of 版本信息, for one platform.</summary>
public sealed class AppVersion : ServiceVersion
{
    public AppPlatform? Platform { get; set; }

    public override bool IsBlank => Platform == null && base.IsBlank;

    public override string Text => $"{Platform?.DisplayName()} {base.Text}";

    public override string Label => $"{Platform?.DisplayName()} {base.Label}";
}

/// <summary>One 分发渠道.</summary>
public sealed class AppChannel
{
    [InputLimit(AppRules.MaxStoreName)]
    [Display(Name = "应用市场")]
    public string? Store { get; set; }

    [InputLimit(AppRules.MaxUrlLength)]
    [Display(Name = "下载地址")]
    public string? Url { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Store) && string.IsNullOrWhiteSpace(Url);
}
