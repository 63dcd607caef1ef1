using Beian.Core.Apps;
using Beian.Core.Apps.Packages;
using Beian.Core.Rules;
using Beian.Core.Tests.Apps.Packages;
using static Beian.Core.Tests.Apps.AppExamples;

namespace Beian.Core.Tests.Apps;

/// <summary>
/// What the applicant typed against what an uploaded package says (<see cref="PackageFacts"/>): identifier,
/// fingerprint, public key and version must agree; a disagreement is APP-PACKAGE-MISMATCH on the field that differs.
/// </summary>
public class AppPackageAgreementTests
{
    private const string Mismatch = "APP-PACKAGE-MISMATCH";

    private static readonly AppFacts WithPackages = CompanyApp with
    {
        Platforms = [Android with { Package = ApkFacts }, Ios with { Package = IpaFacts }],
    };

    private static AppFacts WithAndroidPackage(PackageFacts package) =>
        CompanyApp with { Platforms = [Android with { Package = package }, Ios] };

    [Fact]
    public void Matching_packages_pass()
    {
        Assert.Empty(Check(WithPackages));
    }

    [Fact]
    public void Typed_values_match_however_they_were_pasted()
    {
        var facts = CompanyApp with
        {
            Platforms =
            [
                Android with { Fingerprint = Md5WithColons.ToLowerInvariant(), PublicKey = Modulus.ToLowerInvariant(), Package = ApkFacts },
                Ios with { Identifier = "COM.Example.App-Lite", Package = IpaFacts },
            ],
        };
        Assert.Empty(Check(facts));
    }

    // 包名 / Bundle ID

    [Fact]
    public void A_different_package_name_is_a_mismatch_on_the_identifier()
    {
        var finding = AssertFinding(WithAndroidPackage(ApkFacts with { Identifier = "com.example.other" }),
            Mismatch, AppFields.Identifier(AppPlatform.Android));
        Assert.Equal("与上传的安装包不一致：安装包中的包名为“com.example.other”", finding.Message);
    }

    [Fact]
    public void Package_names_are_case_sensitive()
    {
        AssertFinding(WithAndroidPackage(ApkFacts with { Identifier = "com.Example.app" }), Mismatch, AppFields.Identifier(AppPlatform.Android));
    }

    [Fact]
    public void Bundle_ids_are_not_case_sensitive_but_must_agree()
    {
        var facts = CompanyApp with { Platforms = [Android, Ios with { Package = IpaFacts with { Identifier = "com.example.lite" } }] };
        var finding = AssertFinding(facts, Mismatch, AppFields.Identifier(AppPlatform.Ios));
        Assert.Equal("与上传的安装包不一致：安装包中的Bundle ID为“com.example.lite”", finding.Message);

        AssertNoFinding(CompanyApp with { Platforms = [Android, Ios with { Package = IpaFacts with { Identifier = "COM.EXAMPLE.APP-LITE" } }] }, Mismatch);
    }

    [Fact]
    public void A_malformed_identifier_is_not_compared()
    {
        var facts = WithAndroidPackage(ApkFacts) with { Platforms = [Android with { Identifier = "com", Package = ApkFacts }, Ios] };
        AssertFinding(facts, "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Android));
        AssertNoFinding(facts, Mismatch);
    }

    // 签名MD5 / SHA-1

    [Fact]
    public void A_different_fingerprint_is_a_mismatch_on_the_fingerprint()
    {
        const string other = "C14D3763A3D4B6C7B20F4CAF1D289942";   // rsa-4096's MD5
        var finding = AssertFinding(WithAndroidPackage(ApkFacts with { Fingerprints = [other] }), Mismatch, AppFields.Fingerprint(AppPlatform.Android));
        Assert.Equal($"与上传的安装包不一致：安装包签名证书的签名MD5为{other}", finding.Message);
    }

    [Fact]
    public void Any_signing_certificate_of_the_package_matches()
    {
        AssertNoFinding(WithAndroidPackage(ApkFacts with { Fingerprints = ["C14D3763A3D4B6C7B20F4CAF1D289942", Md5] }), Mismatch);
    }

    [Fact]
    public void An_ios_sha1_is_compared_when_the_package_has_fingerprints()
    {
        var signed = IpaFacts with { Fingerprints = [Sha1] };
        AssertNoFinding(CompanyApp with { Platforms = [Android, Ios with { Fingerprint = Sha1WithColons, Package = signed }] }, Mismatch);

        var other = IpaFacts with { Fingerprints = ["DE5036D9B6439E19F4FAC8253001953D482FFD15"] };
        AssertFinding(CompanyApp with { Platforms = [Android, Ios with { Package = other }] }, Mismatch, AppFields.Fingerprint(AppPlatform.Ios));
    }

    [Fact]
    public void An_ios_package_without_fingerprints_does_not_compare_fingerprints_or_keys()
    {
        Assert.Empty(IpaFacts.Fingerprints);
        Assert.Empty(IpaFacts.PublicKeys);
        var facts = CompanyApp with { Platforms = [Android, Ios with { Fingerprint = "DE5036D9B6439E19F4FAC8253001953D482FFD15", Package = IpaFacts }] };
        Assert.Empty(Check(facts));
    }

    [Fact]
    public void A_malformed_fingerprint_is_not_compared()
    {
        var facts = CompanyApp with { Platforms = [Android with { Fingerprint = "51:90", Package = ApkFacts }, Ios] };
        AssertFinding(facts, "APP-FINGERPRINT-INVALID", AppFields.Fingerprint(AppPlatform.Android));
        AssertNoFinding(facts, Mismatch);
    }

    // 公钥

    [Fact]
    public void A_different_public_key_is_a_mismatch_on_the_key()
    {
        var otherKey = "C3" + Modulus[2..];
        var finding = AssertFinding(WithAndroidPackage(ApkFacts with { PublicKeys = [otherKey] }), Mismatch, AppFields.PublicKey(AppPlatform.Android));
        Assert.Equal("与上传的安装包不一致：公钥不是安装包签名证书的公钥", finding.Message);
    }

    [Fact]
    public void A_key_as_openssl_text_prints_it_matches_the_package()
    {
        // openssl x509 -text prints the modulus with a leading 00 (its high bit is set) in lines of 15 bytes;
        // the package reader gives it without the 00, so does `openssl x509 -modulus`.
        var bytes = ("00" + Modulus).Chunk(2).Select(pair => new string(pair).ToLowerInvariant()).ToList();
        var text = string.Join(":\n    ", bytes.Chunk(15).Select(line => string.Join(":", line)));
        var facts = CompanyApp with { Platforms = [Android with { PublicKey = text, Package = ApkFacts }, Ios] };

        AssertNoFinding(facts, "APP-KEY-INVALID");
        AssertNoFinding(facts, Mismatch);
    }

    [Fact]
    public void The_packages_keys_are_normalised_too()
    {
        var package = ApkFacts with { PublicKeys = ["00:" + Modulus.ToLowerInvariant()] };
        AssertNoFinding(CompanyApp with { Platforms = [Android with { Package = package }, Ios] }, Mismatch);
    }

    [Fact]
    public void A_base64_key_is_compared_with_the_packages_base64_keys()
    {
        var package = ApkFacts with { PublicKeys = [SpkiBase64] };
        var pemBody = string.Join("\n", SpkiBase64.Chunk(64).Select(line => new string(line)));
        AssertNoFinding(CompanyApp with { Platforms = [Android with { PublicKey = pemBody, Package = package }, Ios] }, Mismatch);
    }

    [Fact]
    public void A_base64_subject_public_key_info_holds_the_packages_modulus_and_another_keys_does_not()
    {
        var package = ApkFacts with { PublicKeys = [Modulus] };
        AssertNoFinding(CompanyApp with { Platforms = [Android with { PublicKey = SpkiBase64, Package = package }, Ios] }, Mismatch);
        var other = Convert.ToBase64String(Convert.FromBase64String(SpkiBase64).Select((b, i) => i > 40 ? (byte)(b ^ 0x5A) : b).ToArray());
        AssertFinding(CompanyApp with { Platforms = [Android with { PublicKey = other, Package = package }, Ios] }, Mismatch, AppFields.PublicKey(AppPlatform.Android));
    }

    [Fact]
    public void A_malformed_key_is_not_compared()
    {
        var facts = CompanyApp with { Platforms = [Android with { PublicKey = "ABCDEF", Package = ApkFacts }, Ios] };
        AssertFinding(facts, "APP-KEY-INVALID", AppFields.PublicKey(AppPlatform.Android));
        AssertNoFinding(facts, Mismatch);
    }

    // 版本信息

    [Fact]
    public void A_package_version_missing_from_the_versions_is_a_mismatch_on_the_versions()
    {
        var finding = AssertFinding(WithAndroidPackage(ApkFacts with { Versions = ["1.4.2"] }), Mismatch, AppFields.Versions);
        Assert.Equal("与上传的安装包不一致：Android安装包的版本号为1.4.2，请在版本信息中填写", finding.Message);
    }

    [Fact]
    public void Any_typed_version_of_the_platform_may_be_the_packages()
    {
        var facts = WithAndroidPackage(ApkFacts with { Versions = ["1.4.2"] }) with
        {
            Versions = [.. CompanyApp.Versions, new(AppPlatform.Android, "1.4.2", Today)],
        };
        AssertNoFinding(facts, Mismatch);
    }

    [Fact]
    public void An_ios_package_matches_by_short_version_or_build()
    {
        var facts = CompanyApp with
        {
            Platforms = [Android, Ios with { Package = IpaFacts with { Versions = ["2.3.0", "230"] } }],
            Versions = [CompanyApp.Versions[0], new(AppPlatform.Ios, "230", Today)],
        };
        AssertNoFinding(facts, Mismatch);
    }

    [Fact]
    public void A_version_of_another_platform_does_not_match()
    {
        var facts = WithAndroidPackage(ApkFacts with { Versions = ["1.4.2"] }) with
        {
            Versions = [CompanyApp.Versions[0], new(AppPlatform.Ios, "1.4.2", Today)],
        };
        AssertFinding(facts, Mismatch, AppFields.Versions);
    }

    [Fact]
    public void A_package_without_a_version_name_is_not_compared()
    {
        AssertNoFinding(WithAndroidPackage(ApkFacts with { Versions = [] }), Mismatch);
    }

    [Fact]
    public void No_version_typed_is_reported_as_missing_not_as_a_mismatch()
    {
        var facts = WithAndroidPackage(ApkFacts with { Versions = ["1.4.2"] }) with { Versions = [CompanyApp.Versions[1]] };
        AssertFinding(facts, "APP-VERSION-REQUIRED", AppFields.Versions);
        AssertNoFinding(facts, Mismatch);
    }

    [Fact]
    public void Each_disagreement_is_reported_on_its_own_field()
    {
        var package = new PackageFacts("com.example.other", ["9.9.9"], ["C14D3763A3D4B6C7B20F4CAF1D289942"], ["C3" + Modulus[2..]]);
        var mismatches = Check(WithAndroidPackage(package)).Where(f => f.Code == Mismatch).ToList();

        Assert.All(mismatches, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(
            new[] { AppFields.Identifier(AppPlatform.Android), AppFields.PublicKey(AppPlatform.Android), AppFields.Fingerprint(AppPlatform.Android), AppFields.Versions },
            mismatches.Select(f => f.Field));
    }

    // A real APK: what the package reader gives is what the rules compare.

    [Fact]
    public void The_facts_read_from_a_real_apk_agree_with_keytool_and_openssl()
    {
        using var stream = Samples.Open("v2-rsa.apk");
        var reading = AndroidPackageReader.Read(stream);
        Assert.True(reading.Succeeded, reading.Error);
        var apk = reading.Package;
        var package = new PackageFacts(
            apk.PackageName,
            apk.VersionName is { } name ? [name] : [],
            apk.Certificates.Select(certificate => certificate.Md5).ToList(),
            apk.Certificates.Select(certificate => certificate.PublicKey).ToList());

        var typed = new AppPlatformFacts(
            AppPlatform.Android,
            apk.PackageName,
            Samples.Expected("key rsa-2048", "openssl x509 -noout -modulus", "^Modulus=(.*)$"),
            Samples.Expected("key rsa-2048", "openssl x509 -noout -subject -dates -fingerprint -md5", "^md5 Fingerprint=(.*)$"),
            package);
        var facts = CompanyApp with
        {
            Platforms = [typed],
            Versions = [new(AppPlatform.Android, apk.VersionName, Today)],
        };
        Assert.Empty(Check(facts));

        var otherKey = typed with { Fingerprint = Samples.Expected("key rsa-4096", "openssl x509 -noout -subject -dates -fingerprint -md5", "^md5 Fingerprint=(.*)$") };
        AssertFinding(facts with { Platforms = [otherKey] }, Mismatch, AppFields.Fingerprint(AppPlatform.Android));
    }
}
