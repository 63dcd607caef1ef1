using Beian.Core.Reporting;

namespace Beian.Core.Tests.Reporting;

public class ApiKeyTextTests
{
    [Fact]
    public void A_new_key_round_trips_through_its_text()
    {
        var key = ApiKeyText.New();
        Assert.Matches("^bak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key.Value);
        Assert.True(ApiKeyText.TryParse(key.Value, out var parsed));
        Assert.Equal(key, parsed);
        Assert.True(ApiKeyText.TryParse($"  {key.Value}\r\n", out parsed));
        Assert.Equal(key, parsed);
    }

    [Fact]
    public void New_keys_differ_in_prefix_and_secret()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => ApiKeyText.New()).ToList();
        Assert.Equal(50, keys.Select(k => k.Prefix).Distinct().Count());
        Assert.Equal(50, keys.Select(k => k.Secret).Distinct().Count());
    }

    private const string Wellformed = "bak_0123456789ab_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    [Fact]
    public void A_key_is_its_scheme_a_hex_prefix_and_a_url_safe_secret()
    {
        Assert.True(ApiKeyText.TryParse(Wellformed, out var key));
        Assert.Equal(new ApiKeyText("0123456789ab", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE"), key);
        Assert.Equal(Wellformed, key.Value);
    }

    public static TheoryData<string> Malformed()
    {
        const string value = Wellformed;
        return new TheoryData<string>
        {
            "", "   ", "bak", "bak__",
            "Bearer " + value,
            "bax" + value[3..],
            "BAK" + value[3..],
            value[..^1],
            value + "A",
            value[..4] + value[4..16].ToUpperInvariant() + value[16..],
            value[..4] + "g" + value[5..],
            value[..^1] + "+",
            value[..^1] + "=",
            value.Replace('_', '-'),
            value + "_extra",
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_refuses_malformed_keys(string text)
    {
        Assert.False(ApiKeyText.TryParse(text, out _));
    }

    [Fact]
    public void Parse_refuses_no_key()
    {
        Assert.False(ApiKeyText.TryParse(null, out _));
    }

    [Fact]
    public void A_key_matches_only_its_own_hash()
    {
        var key = ApiKeyText.New();
        var other = ApiKeyText.New();
        Assert.Matches("^[0-9a-f]{64}$", key.Hash());
        Assert.True(key.Matches(key.Hash()));
        Assert.False(key.Matches(other.Hash()));
        Assert.False((key with { Secret = other.Secret }).Matches(key.Hash()));
        Assert.False(key.Matches(key.Hash().ToUpperInvariant()));
        Assert.False(key.Matches(key.Hash()[..63]));
        Assert.False(key.Matches(""));
    }

    [Fact]
    public void The_hash_does_not_contain_the_secret()
    {
        var key = ApiKeyText.New();
        Assert.DoesNotContain(key.Secret, key.Hash());
        Assert.Equal(key.Hash(), new ApiKeyText(key.Prefix, key.Secret).Hash());
    }

    [Fact]
    public void Display_shows_only_the_prefix()
    {
        var key = ApiKeyText.New();
        Assert.Equal($"bak_{key.Prefix}_…", ApiKeyText.Display(key.Prefix));
        Assert.Equal(ApiKeyText.Display(key.Prefix), key.ToString());
        Assert.DoesNotContain(key.Secret, key.ToString());
        Assert.DoesNotContain(key.Secret, $"{key}");
    }
}
