using Beian.Core.Apps;
using Beian.Core.Filing;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Apps;

/// <summary>
/// Well-formed APPs that pass every rule of <see cref="AppRules"/>; each test changes one thing with <c>with</c>.
/// The signing values are those of the test key rsa-2048 that signs Apps/Packages/Samples/v2-rsa.apk, as
/// keytool and openssl printed them in Samples/expected.txt.
/// </summary>
internal static class AppExamples
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>rsa-2048's MD5 fingerprint (openssl x509 -fingerprint -md5), without colons.</summary>
    public const string Md5 = "5190358C1EA02A69B1F310FD5D0634ED";

    /// <summary>The same MD5 as openssl prints it.</summary>
    public const string Md5WithColons = "51:90:35:8C:1E:A0:2A:69:B1:F3:10:FD:5D:06:34:ED";

    /// <summary>rsa-2048's SHA-1 fingerprint (keytool -printcert), without colons.</summary>
    public const string Sha1 = "0155409ACC760431DE35387EABB152614F15A9A0";

    public const string Sha1WithColons = "01:55:40:9A:CC:76:04:31:DE:35:38:7E:AB:B1:52:61:4F:15:A9:A0";

    /// <summary>rsa-2048's RSA modulus in hex, as <c>openssl x509 -noout -modulus</c> prints it (and the package reader reads it).</summary>
    public const string Modulus =
        "B90224C2083B08093C9C6EC741C5C4B3AE998D3E0F94095C44008EBDE8FD1F79B5E6EB471F5B8B0366BEAC336E383ADB0E6901100B0921AAE9945B8295A376D0" +
        "2A52AA0350A94A188E13E3EF36D641CEA349CD472D6B2D17FB7CC96B198CB68A92EC7A4C163000885434120B3E71415242943D11F46322490ED3ED7C3B0CC1A5" +
        "B65E1993C4101A277A3EBDD400EAACF4248898A35AB4CDC4120B706129D534FC17E1DB1423D05D0A7C50FC0E64FCF5A9B1B8C5459A03A46820F85452116005AE" +
        "2A6A251ED65E5F7464F9BF84DF0C58E5F2A378486A82B963CF3520321ACC7B2EB4D839DD30C06DF1564D45C02C5A76C0ECC3CF0FD01880B47AC915B95C53C547";

    /// <summary>The same key as a Base64 SubjectPublicKeyInfo, the body of <c>openssl x509 -pubkey</c>'s PEM.</summary>
    public const string SpkiBase64 =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuQIkwgg7CAk8nG7HQcXEs66ZjT4PlAlcRACOvej9H3m15utHH1uLA2a+rDNuODrbDmkBEAsJIarplFuClaN2" +
        "0CpSqgNQqUoYjhPj7zbWQc6jSc1HLWstF/t8yWsZjLaKkux6TBYwAIhUNBILPnFBUkKUPRH0YyJJDtPtfDsMwaW2XhmTxBAaJ3o+vdQA6qz0JIiYo1q0zcQSC3BhKdU0" +
        "/Bfh2xQj0F0KfFD8DmT89amxuMVFmgOkaCD4VFIRYAWuKmolHtZeX3Rk+b+E3wxY5fKjeEhqgrljzzUgMhrMey602DndMMBt8VZNRcAsWnbA7MPPD9AYgLR6yRW5XFPF" +
        "RwIDAQAB";

    public static readonly AppPlatformFacts Android = new(AppPlatform.Android, "com.example.app", Modulus, Md5WithColons);

    public static readonly AppPlatformFacts Ios = new(AppPlatform.Ios, "com.example.app-lite", SpkiBase64, Sha1);

    public static readonly AppPlatformFacts HarmonyOs = new(AppPlatform.HarmonyOs, "com.example.harmony", Modulus, Md5);

    public static readonly AppPlatformFacts Other = new(AppPlatform.Other, "Windows 桌面版 XihuLedger", null, null);

    /// <summary>What the uploaded APK says when it is the APK of <see cref="Android"/>.</summary>
    public static readonly PackageFacts ApkFacts = new("com.example.app", ["1.0.0"], [Md5], [Modulus]);

    /// <summary>What an uploaded .ipa says: the platform reads Info.plist only, so there are no certificates.</summary>
    public static readonly PackageFacts IpaFacts = new("com.example.app-lite", ["1.0.0", "100"], [], []);

    public static readonly AppFacts CompanyApp = new()
    {
        Naming = new FilingNameFacts
        {
            SubjectNature = SubjectNature.Organisation,
            OrganisationKind = OrganisationKind.Enterprise,
            SubjectName = "杭州西湖网络科技有限公司",
            Name = "西湖记账",
        },
        Introduction = "一款记录日常收支的记账工具，支持分类统计、预算提醒和月度报表。",
        ScreenshotCount = 3,
        Platforms = [Android, Ios],
        Versions = [new(AppPlatform.Android, "1.0.0", Today.AddDays(-30)), new(AppPlatform.Ios, "1.0.0", Today.AddDays(-20))],
        Channels =
        [
            new("华为应用市场", "https://appgallery.huawei.com/app/C100000001"),
            new("App Store", "https://apps.apple.com/cn/app/id1000000001"),
        ],
        HasIcpNumber = true,
        IcpNumber = "浙ICP备2026055717号-3A",
        UserScale = "1万-10万",
        Operations = "2026年10月上线，日活跃用户约两千人，由公司运营部负责日常运营。",
        Services = new ServiceDeclarationFacts
        {
            ProvidesInteractiveServices = false,
            ServiceTypes = [ServiceType.App],
            Languages = [SiteLanguage.SimplifiedChinese],
        },
        HasSecurityPlan = false,
        Today = Today,
    };

    /// <summary>A 个人's interactive APP on Android only, with its 信息网络安全保护方案.</summary>
    public static readonly AppFacts PersonalApp = CompanyApp with
    {
        Naming = new FilingNameFacts { SubjectNature = SubjectNature.Individual, SubjectName = "张伟", Name = "张伟的读书笔记" },
        Platforms = [Android],
        Versions = [new(AppPlatform.Android, "0.9.1", Today)],
        Channels = [new("应用宝", "http://sj.qq.com/appdetail/com.example.app")],
        UserScale = "1万以下",
        Operations = "个人业余维护，用户约三百人。",
        Services = new ServiceDeclarationFacts
        {
            ProvidesInteractiveServices = true,
            ServiceTypes = [ServiceType.Blog],
            Languages = [SiteLanguage.SimplifiedChinese],
        },
        HasSecurityPlan = true,
    };

    public static AppFacts Named(string? name) => CompanyApp with { Naming = CompanyApp.Naming with { Name = name } };

    public static AppFacts PersonNamed(string? name) => PersonalApp with { Naming = PersonalApp.Naming with { Name = name } };

    /// <summary>
    /// 相关前置许可 = 是 with <paramref name="permits"/> ticked and uploaded: in the service declaration and in
    /// what the naming rules are told, as the caller fills both.
    /// </summary>
    public static AppFacts WithPermits(AppFacts facts, params PrePermit[] permits) => facts with
    {
        Naming = facts.Naming with { DeclaredPermits = permits.ToHashSet() },
        Services = facts.Services with
        {
            HasPrePermits = true,
            PrePermits = permits.Select(permit => new PrePermitEntry(permit, HasDocument: true)).ToList(),
        },
    };

    public static AppFacts WithServices(AppFacts facts, Func<ServiceDeclarationFacts, ServiceDeclarationFacts> change) =>
        facts with { Services = change(facts.Services) };

    /// <summary>The company APP on <paramref name="platform"/> alone, with one version for it.</summary>
    public static AppFacts OnlyOn(AppPlatformFacts platform, string version = "1.0.0") => CompanyApp with
    {
        Platforms = [platform],
        Versions = [new(platform.Platform, version, Today.AddDays(-5))],
    };

    public static IReadOnlyList<Finding> Check(AppFacts facts) => AppRules.Check(facts);

    /// <summary>The only finding with <paramref name="code"/>, asserted to be on <paramref name="field"/> with the severity.</summary>
    public static Finding AssertFinding(AppFacts facts, string code, string field, Severity severity = Severity.Error)
    {
        var findings = Check(facts);
        var finding = Assert.Single(findings, f => f.Code == code);
        Assert.Equal(field, finding.Field);
        Assert.Equal(severity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        return finding;
    }

    public static void AssertNoFinding(AppFacts facts, string code)
    {
        var findings = Check(facts);
        Assert.DoesNotContain(findings, f => f.Code == code);
    }

    public static void AssertNoFindingOn(AppFacts facts, string field)
    {
        var findings = Check(facts);
        Assert.DoesNotContain(findings, f => f.Field == field);
    }

    /// <summary>A text of exactly <paramref name="length"/> characters.</summary>
    public static string Text(int length) => string.Concat(Enumerable.Repeat("记账工具介绍", length / 6 + 1))[..length];
}
