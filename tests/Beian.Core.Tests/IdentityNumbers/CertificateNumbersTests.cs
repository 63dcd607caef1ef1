using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class CertificateNumbersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData(" 110105 19491231 002x ", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X")]
    [InlineData("e12345678", "E12345678")]
    [InlineData("11010519491231002X", "11010519491231002X")]
    public void Numbers_are_kept_as_the_validators_read_them(string typed, string stored)
    {
        Assert.Equal(stored, CertificateNumbers.Normalize(typed));
    }

    [Fact]
    public void A_stored_id_number_is_the_one_the_check_accepted()
    {
        var check = ResidentIdCard.Check("11010519491231002x", Today);
        Assert.True(check.IsValid);
        Assert.Equal(check.Normalized, CertificateNumbers.Normalize("11010519491231002x"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Nothing_typed_stays_as_it_is(string? typed)
    {
        Assert.Equal(typed, CertificateNumbers.Normalize(typed));
    }
}
