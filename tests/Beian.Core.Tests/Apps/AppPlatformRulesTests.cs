using Beian.Core.Apps;
using static Beian.Core.Tests.Apps.AppExamples;

namespace Beian.Core.Tests.Apps;

/// <summary>平台 (SPEC §5): at least one; for each, 包名 / Bundle ID, 公钥 and 签名MD5 / SHA-1, and an identifier filed by no other subject.</summary>
public class AppPlatformRulesTests
{
    [Fact]
    public void At_least_one_platform()
    {
        var finding = AssertFinding(CompanyApp with { Platforms = [], Versions = [] }, "APP-PLATFORM-REQUIRED", AppFields.Platforms);
        Assert.Equal("请至少选择一个平台", finding.Message);
        AssertNoFinding(OnlyOn(Android), "APP-PLATFORM-REQUIRED");
        AssertNoFinding(OnlyOn(Other), "APP-PLATFORM-REQUIRED");
    }

    [Fact]
    public void Each_platform_alone_passes()
    {
        Assert.Empty(Check(OnlyOn(Android)));
        Assert.Empty(Check(OnlyOn(Ios)));
        Assert.Empty(Check(OnlyOn(HarmonyOs)));
        Assert.Empty(Check(OnlyOn(Other)));
    }

    // 包名 / Bundle ID

    [Theory]
    [InlineData(AppPlatform.Android, "请填写Android的包名")]
    [InlineData(AppPlatform.HarmonyOs, "请填写HarmonyOS（鸿蒙）的包名")]
    [InlineData(AppPlatform.Ios, "请填写iOS的Bundle ID")]
    [InlineData(AppPlatform.Other, "请填写其他的平台名称及应用标识")]
    public void The_identifier_is_required(AppPlatform platform, string message)
    {
        var facts = OnlyOn(new(platform, "  ", Modulus, platform == AppPlatform.Ios ? Sha1 : Md5));
        var finding = AssertFinding(facts, "APP-ID-REQUIRED", AppFields.Identifier(platform));
        Assert.Equal(message, finding.Message);
        AssertNoFinding(facts, "APP-ID-INVALID");
    }

    [Theory]
    [InlineData("com.example.app")]
    [InlineData("cn.gov.beian.demo")]
    [InlineData("com.example_app.App2")]
    [InlineData("a.b")]
    [InlineData(" com.example.app ")]
    public void Package_names_pass(string identifier)
    {
        AssertNoFindingOn(OnlyOn(Android with { Identifier = identifier }), AppFields.Identifier(AppPlatform.Android));
        AssertNoFindingOn(OnlyOn(HarmonyOs with { Identifier = identifier }), AppFields.Identifier(AppPlatform.HarmonyOs));
    }

    [Theory]
    [InlineData("com")]
    [InlineData("1com.a")]
    [InlineData("com..a")]
    [InlineData("com.例子")]
    [InlineData("com.1app")]
    [InlineData("com.example.")]
    [InlineData(".com.example")]
    [InlineData("com-example.app")]
    [InlineData("com.example app")]
    [InlineData("_com.example")]
    public void Package_names_must_be_well_formed(string identifier)
    {
        var finding = AssertFinding(OnlyOn(Android with { Identifier = identifier }), "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Android));
        Assert.StartsWith("包名格式不正确", finding.Message);
        AssertFinding(OnlyOn(HarmonyOs with { Identifier = identifier }), "APP-ID-INVALID", AppFields.Identifier(AppPlatform.HarmonyOs));
    }

    [Theory]
    [InlineData("com.example.app-lite")]
    [InlineData("com.example.app")]
    [InlineData("cn.gov.beian.Demo2")]
    [InlineData("com.123example.app")]
    public void Bundle_ids_pass(string identifier)
    {
        AssertNoFindingOn(OnlyOn(Ios with { Identifier = identifier }), AppFields.Identifier(AppPlatform.Ios));
    }

    [Theory]
    [InlineData("com")]
    [InlineData("com example")]
    [InlineData("com example.app")]
    [InlineData("com.example_app")]
    [InlineData("com..app")]
    [InlineData("com.例子")]
    [InlineData("com.example.")]
    public void Bundle_ids_must_be_well_formed(string identifier)
    {
        var finding = AssertFinding(OnlyOn(Ios with { Identifier = identifier }), "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Ios));
        Assert.StartsWith("Bundle ID格式不正确", finding.Message);
    }

    [Fact]
    public void Identifiers_are_at_most_155_characters()
    {
        var longest = "com." + new string('a', 151);
        Assert.Equal(155, longest.Length);
        AssertNoFindingOn(OnlyOn(Android with { Identifier = longest }), AppFields.Identifier(AppPlatform.Android));
        AssertNoFindingOn(OnlyOn(Ios with { Identifier = longest }), AppFields.Identifier(AppPlatform.Ios));
        AssertFinding(OnlyOn(Android with { Identifier = longest + "a" }), "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Android));
        AssertFinding(OnlyOn(Ios with { Identifier = longest + "a" }), "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Ios));
    }

    [Fact]
    public void Another_platform_names_itself_freely_up_to_155_characters()
    {
        AssertNoFindingOn(OnlyOn(Other with { Identifier = "小米澎湃OS 快应用：com.example" }), AppFields.Identifier(AppPlatform.Other));
        AssertNoFindingOn(OnlyOn(Other with { Identifier = new string('标', 155) }), AppFields.Identifier(AppPlatform.Other));

        var finding = AssertFinding(OnlyOn(Other with { Identifier = new string('标', 156) }), "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Other));
        Assert.Equal("平台名称及应用标识不能超过155个字符", finding.Message);
    }

    [Fact]
    public void Another_platform_gives_no_key_or_fingerprint()
    {
        var findings = Check(OnlyOn(Other with { PublicKey = null, Fingerprint = null }));
        Assert.Empty(findings);
        Assert.Empty(Check(OnlyOn(Other with { PublicKey = "not a key", Fingerprint = "not a fingerprint" })));
    }

    // An identifier filed by another subject

    [Fact]
    public void An_identifier_filed_by_another_subject_is_refused()
    {
        var facts = CompanyApp with { IdentifiersFiledElsewhere = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "com.example.app" } };
        var finding = AssertFinding(facts, "APP-ID-FILED-ELSEWHERE", AppFields.Identifier(AppPlatform.Android));
        Assert.Equal("包名“com.example.app”已由其他开办主体备案，同一APP只能由一个主体备案；如确属本主体，请联系原备案主体办理移交", finding.Message);
    }

    [Fact]
    public void A_bundle_id_filed_by_another_subject_is_refused()
    {
        var facts = CompanyApp with { IdentifiersFiledElsewhere = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "COM.EXAMPLE.APP-LITE" } };
        var finding = AssertFinding(facts, "APP-ID-FILED-ELSEWHERE", AppFields.Identifier(AppPlatform.Ios));
        Assert.StartsWith("Bundle ID“com.example.app-lite”已由其他开办主体备案", finding.Message);
    }

    [Fact]
    public void Identifiers_filed_only_by_this_subject_pass()
    {
        var facts = CompanyApp with { IdentifiersFiledElsewhere = new HashSet<string> { "com.example.other", "com.example" } };
        AssertNoFinding(facts, "APP-ID-FILED-ELSEWHERE");
    }

    [Fact]
    public void A_malformed_identifier_is_not_looked_up()
    {
        var facts = OnlyOn(Android with { Identifier = "com" }) with { IdentifiersFiledElsewhere = new HashSet<string> { "com" } };
        AssertFinding(facts, "APP-ID-INVALID", AppFields.Identifier(AppPlatform.Android));
        AssertNoFinding(facts, "APP-ID-FILED-ELSEWHERE");
    }

    [Fact]
    public void Another_platforms_free_text_is_not_looked_up()
    {
        var facts = OnlyOn(Other) with { IdentifiersFiledElsewhere = new HashSet<string> { Other.Identifier! } };
        AssertNoFinding(facts, "APP-ID-FILED-ELSEWHERE");
    }

    // 公钥

    [Theory]
    [InlineData(AppPlatform.Android, "请填写Android的公钥")]
    [InlineData(AppPlatform.Ios, "请填写iOS的公钥")]
    [InlineData(AppPlatform.HarmonyOs, "请填写HarmonyOS（鸿蒙）的公钥")]
    public void The_public_key_is_required(AppPlatform platform, string message)
    {
        var example = platform switch { AppPlatform.Ios => Ios, AppPlatform.HarmonyOs => HarmonyOs, _ => Android };
        var finding = AssertFinding(OnlyOn(example with { PublicKey = " " }), "APP-KEY-REQUIRED", AppFields.PublicKey(platform));
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData("not a public key")]
    [InlineData("B90224C2083B08093C9C6EC741C5C4B")]
    [InlineData("这不是公钥这不是公钥这不是公钥这不是公钥这不是公钥这不是公钥这不是公钥")]
    [InlineData("-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuQIkwgg7CAk8nG7H-----END PUBLIC KEY-----")]
    [InlineData("B90224C2083B08093C9C6EC741C5C4B3AE998D3E0F94095C44008EBDE8FD1F79!")]
    public void The_public_key_must_be_hex_or_base64(string key)
    {
        var finding = AssertFinding(OnlyOn(Android with { PublicKey = key }), "APP-KEY-INVALID", AppFields.PublicKey(AppPlatform.Android));
        Assert.Equal("公钥格式不正确，应为十六进制或Base64编码的公钥", finding.Message);
    }

    [Fact]
    public void A_public_key_longer_than_2048_characters_is_refused()
    {
        AssertFinding(OnlyOn(Android with { PublicKey = new string('A', 2049) }), "APP-KEY-INVALID", AppFields.PublicKey(AppPlatform.Android));
        AssertNoFinding(OnlyOn(Android with { PublicKey = new string('A', 2048) }), "APP-KEY-INVALID");
    }

    [Fact]
    public void Public_keys_pass_as_people_paste_them()
    {
        var lowerWithColons = string.Join(":", Enumerable.Range(0, Modulus.Length / 2).Select(i => Modulus.Substring(i * 2, 2))).ToLowerInvariant();
        var pemBody = string.Join("\n", Enumerable.Range(0, (SpkiBase64.Length + 63) / 64).Select(i => SpkiBase64.Substring(i * 64, Math.Min(64, SpkiBase64.Length - i * 64))));
        foreach (var key in new[] { Modulus, lowerWithColons, SpkiBase64, pemBody })
            AssertNoFindingOn(OnlyOn(Android with { PublicKey = key }), AppFields.PublicKey(AppPlatform.Android));
    }

    // 签名MD5 / 签名SHA-1

    [Theory]
    [InlineData(AppPlatform.Android, "请填写Android的签名MD5")]
    [InlineData(AppPlatform.HarmonyOs, "请填写HarmonyOS（鸿蒙）的签名MD5")]
    [InlineData(AppPlatform.Ios, "请填写iOS的签名SHA-1")]
    public void The_fingerprint_is_required(AppPlatform platform, string message)
    {
        var example = platform switch { AppPlatform.Ios => Ios, AppPlatform.HarmonyOs => HarmonyOs, _ => Android };
        var finding = AssertFinding(OnlyOn(example with { Fingerprint = null }), "APP-FINGERPRINT-REQUIRED", AppFields.Fingerprint(platform));
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData(Md5)]
    [InlineData(Md5WithColons)]
    [InlineData("5190358c1ea02a69b1f310fd5d0634ed")]
    [InlineData("51:90:35:8c:1e:a0:2a:69:b1:f3:10:fd:5d:06:34:ed")]
    [InlineData(" 51 90 35 8C 1E A0 2A 69 B1 F3 10 FD 5D 06 34 ED ")]
    public void Android_and_harmony_md5_fingerprints_pass(string fingerprint)
    {
        AssertNoFindingOn(OnlyOn(Android with { Fingerprint = fingerprint }), AppFields.Fingerprint(AppPlatform.Android));
        AssertNoFindingOn(OnlyOn(HarmonyOs with { Fingerprint = fingerprint }), AppFields.Fingerprint(AppPlatform.HarmonyOs));
    }

    [Theory]
    [InlineData("5190358C1EA02A69B1F310FD5D0634E", "签名MD5应为32位十六进制字符，当前为31位")]
    [InlineData(Sha1, "签名MD5应为32位十六进制字符，当前为40位")]
    [InlineData("5190358C1EA02A69B1F310FD5D0634ED00", "签名MD5应为32位十六进制字符，当前为34位")]
    [InlineData("5190358C1EA02A69B1F310FD5D0634EG", "签名MD5只能包含0-9、A-F的十六进制字符（可带冒号）")]
    [InlineData("MD5: 51:90:35:8C:1E:A0:2A:69:B1:F3:10:FD:5D:06:34:ED", "签名MD5只能包含0-9、A-F的十六进制字符（可带冒号）")]
    [InlineData(":::", "签名MD5只能包含0-9、A-F的十六进制字符（可带冒号）")]
    public void Android_md5_fingerprints_must_be_32_hex_digits(string fingerprint, string message)
    {
        var finding = AssertFinding(OnlyOn(Android with { Fingerprint = fingerprint }), "APP-FINGERPRINT-INVALID", AppFields.Fingerprint(AppPlatform.Android));
        Assert.Equal(message, finding.Message);
        AssertFinding(OnlyOn(HarmonyOs with { Fingerprint = fingerprint }), "APP-FINGERPRINT-INVALID", AppFields.Fingerprint(AppPlatform.HarmonyOs));
    }

    [Theory]
    [InlineData(Sha1)]
    [InlineData(Sha1WithColons)]
    [InlineData("01:55:40:9a:cc:76:04:31:de:35:38:7e:ab:b1:52:61:4f:15:a9:a0")]
    public void Ios_sha1_fingerprints_pass(string fingerprint)
    {
        AssertNoFindingOn(OnlyOn(Ios with { Fingerprint = fingerprint }), AppFields.Fingerprint(AppPlatform.Ios));
    }

    [Theory]
    [InlineData(Md5, "签名SHA-1应为40位十六进制字符，当前为32位")]
    [InlineData("0155409ACC760431DE35387EABB152614F15A9A", "签名SHA-1应为40位十六进制字符，当前为39位")]
    [InlineData("0155409ACC760431DE35387EABB152614F15A9AZ", "签名SHA-1只能包含0-9、A-F的十六进制字符（可带冒号）")]
    public void Ios_sha1_fingerprints_must_be_40_hex_digits(string fingerprint, string message)
    {
        var finding = AssertFinding(OnlyOn(Ios with { Fingerprint = fingerprint }), "APP-FINGERPRINT-INVALID", AppFields.Fingerprint(AppPlatform.Ios));
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void Each_platform_is_checked_on_its_own_fields()
    {
        var facts = CompanyApp with { Platforms = [Android with { Fingerprint = Sha1 }, Ios with { Fingerprint = Md5 }] };
        var findings = Check(facts).Where(f => f.Code == "APP-FINGERPRINT-INVALID").Select(f => f.Field);
        Assert.Equal(new[] { AppFields.Fingerprint(AppPlatform.Android), AppFields.Fingerprint(AppPlatform.Ios) }, findings);
    }
}
