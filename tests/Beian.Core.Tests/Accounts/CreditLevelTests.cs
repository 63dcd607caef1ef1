using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class CreditLevelTests
{
    [Theory]
    [InlineData(false, false, false, 0, CreditLevel.Unverified, "未认证")]
    [InlineData(true, false, false, 1, CreditLevel.Basic, "一星信用")]
    [InlineData(false, true, false, 1, CreditLevel.Basic, "一星信用")]
    [InlineData(false, false, true, 1, CreditLevel.Basic, "一星信用")]
    [InlineData(true, true, false, 2, CreditLevel.Intermediate, "二星信用")]
    [InlineData(true, false, true, 2, CreditLevel.Intermediate, "二星信用")]
    [InlineData(false, true, true, 2, CreditLevel.Intermediate, "二星信用")]
    [InlineData(true, true, true, 3, CreditLevel.Full, "三星信用")]
    public void Each_combination_of_verifications_gives_its_level_and_label(
        bool mobile, bool email, bool identity, int passed, CreditLevel level, string label)
    {
        var status = new CreditStatus(mobile, email, identity);
        Assert.Equal(passed, status.PassedCount);
        Assert.Equal(level, status.Level);
        Assert.Equal(label, status.Level.Label());
    }

    [Fact]
    public void The_levels_are_numbered_by_the_verifications_passed()
    {
        Assert.Equal(0, (int)CreditLevel.Unverified);
        Assert.Equal(1, (int)CreditLevel.Basic);
        Assert.Equal(2, (int)CreditLevel.Intermediate);
        Assert.Equal(3, (int)CreditLevel.Full);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void An_undefined_level_has_no_label(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CreditLevel)value).Label());
    }
}
