using Beian.Core.Apps;
using static Beian.Core.Tests.Apps.AppExamples;

namespace Beian.Core.Tests.Apps;

/// <summary>The syntax of 包名, Bundle ID, fingerprints and public keys (<see cref="AppIdentifiers"/>).</summary>
public class AppIdentifiersTests
{
    [Theory]
    [InlineData("com.example.app", true)]
    [InlineData("a.b", true)]
    [InlineData("com.example_app.App2", true)]
    [InlineData("com", false)]
    [InlineData("1com.a", false)]
    [InlineData("com..a", false)]
    [InlineData("com.例子", false)]
    [InlineData("com.example.app-lite", false)]
    [InlineData(null, false)]
    public void Package_names(string? value, bool expected)
    {
        Assert.Equal(expected, AppIdentifiers.IsPackageName(value));
    }

    [Theory]
    [InlineData("com.example.app-lite", true)]
    [InlineData("com.example.app", true)]
    [InlineData("123.example", true)]
    [InlineData("com", false)]
    [InlineData("com example", false)]
    [InlineData("com.example_app", false)]
    [InlineData(null, false)]
    public void Bundle_ids(string? value, bool expected)
    {
        Assert.Equal(expected, AppIdentifiers.IsBundleId(value));
    }

    [Fact]
    public void Identifiers_are_at_most_155_characters()
    {
        var longest = "com." + new string('a', 151);
        Assert.True(AppIdentifiers.IsPackageName(longest));
        Assert.True(AppIdentifiers.IsBundleId(longest));
        Assert.False(AppIdentifiers.IsPackageName(longest + "a"));
        Assert.False(AppIdentifiers.IsBundleId(longest + "a"));
    }

    [Theory]
    [InlineData("ab:cd:EF", "ABCDEF")]
    [InlineData("ab cd-ef", "ABCDEF")]
    [InlineData(" \t51:90\n35 ", "519035")]
    [InlineData(Md5WithColons, Md5)]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("xyz", "XYZ")]
    public void Normalize_hex_drops_separators_and_upper_cases(string? value, string expected)
    {
        Assert.Equal(expected, AppIdentifiers.NormalizeHex(value));
    }

    [Theory]
    [InlineData(Md5, 32)]
    [InlineData(Md5WithColons, 32)]
    [InlineData("5190358c1ea02a69b1f310fd5d0634ed", 32)]
    [InlineData(Sha1, 40)]
    [InlineData(Sha1WithColons, 40)]
    public void Well_formed_fingerprints_have_no_problem(string value, int length)
    {
        Assert.Null(AppIdentifiers.FingerprintProblem(value, length));
    }

    [Theory]
    [InlineData("5190358C1EA02A69B1F310FD5D0634E", 32, "应为32位十六进制字符，当前为31位")]
    [InlineData(Sha1, 32, "应为32位十六进制字符，当前为40位")]
    [InlineData(Md5, 40, "应为40位十六进制字符，当前为32位")]
    [InlineData("5190358C1EA02A69B1F310FD5D0634EG", 32, "只能包含0-9、A-F的十六进制字符（可带冒号）")]
    [InlineData("51.90.35.8C.1E.A0.2A.69.B1.F3.10.FD.5D.06.34.ED", 32, "只能包含0-9、A-F的十六进制字符（可带冒号）")]
    public void Malformed_fingerprints_say_what_is_wrong(string value, int length, string problem)
    {
        Assert.Equal(problem, AppIdentifiers.FingerprintProblem(value, length));
    }

    [Fact]
    public void Public_keys_are_hex_or_base64_of_32_to_2048_characters()
    {
        Assert.True(AppIdentifiers.IsPublicKey(Modulus));
        Assert.True(AppIdentifiers.IsPublicKey(SpkiBase64));
        Assert.True(AppIdentifiers.IsPublicKey(string.Join("\n", SpkiBase64.Chunk(64).Select(line => new string(line)))));
        Assert.True(AppIdentifiers.IsPublicKey("00:b9:02:24:c2:08:3b:08:09:3c:9c:6e:c7:41:c5:c4:b3"));
        Assert.True(AppIdentifiers.IsPublicKey(new string('A', 32)));
        Assert.True(AppIdentifiers.IsPublicKey(new string('A', 2048)));

        Assert.False(AppIdentifiers.IsPublicKey(null));
        Assert.False(AppIdentifiers.IsPublicKey(""));
        Assert.False(AppIdentifiers.IsPublicKey(new string('A', 31)));
        Assert.False(AppIdentifiers.IsPublicKey(new string('A', 2049)));
        Assert.False(AppIdentifiers.IsPublicKey("这不是公钥这不是公钥这不是公钥这不是公钥这不是公钥这不是公钥这不是公钥"));
        Assert.False(AppIdentifiers.IsPublicKey(SpkiBase64 + "!"));
        Assert.False(AppIdentifiers.IsPublicKey("-----BEGIN PUBLIC KEY-----\n" + SpkiBase64 + "\n-----END PUBLIC KEY-----"));
    }

    [Fact]
    public void Normalize_public_key_gives_the_same_key_however_it_was_pasted()
    {
        Assert.Equal(Modulus, AppIdentifiers.NormalizePublicKey(Modulus));
        Assert.Equal(Modulus, AppIdentifiers.NormalizePublicKey(Modulus.ToLowerInvariant()));
        Assert.Equal("B90224C2", AppIdentifiers.NormalizePublicKey("b9:02:24:c2"));
        Assert.Equal(SpkiBase64, AppIdentifiers.NormalizePublicKey(string.Join("\r\n", SpkiBase64.Chunk(64).Select(line => new string(line)))));
        Assert.Equal("", AppIdentifiers.NormalizePublicKey(null));
    }

    [Fact]
    public void Normalize_public_key_drops_the_leading_zero_byte_openssl_text_prints()
    {
        Assert.Equal(Modulus, AppIdentifiers.NormalizePublicKey("00:" + Modulus.ToLowerInvariant()));
        Assert.Equal("B90224C2", AppIdentifiers.NormalizePublicKey("00:b9:02:24:c2"));
        Assert.Equal("0B90", AppIdentifiers.NormalizePublicKey("0b:90"));
    }
}
