using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class VerificationCodePolicyTests
{
    private static readonly VerificationCodePolicy Policy = VerificationCodePolicy.Default;

    [Fact]
    public void The_defaults_are_six_digits_valid_five_minutes_and_five_tries()
    {
        Assert.Equal(6, Policy.Digits);
        Assert.Equal(5, Policy.ValidMinutes);
        Assert.Equal(5, Policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), Policy.Validity);
    }
}
