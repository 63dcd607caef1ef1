namespace Beian.Core.Accounts;

/// <summary>信用认证: the three verifications an account can pass and the level they add up to.</summary>
public sealed record CreditStatus(bool MobileVerified, bool EmailVerified, bool IdentityVerified)
{
    public int PassedCount => (MobileVerified ? 1 : 0) + (EmailVerified ? 1 : 0) + (IdentityVerified ? 1 : 0);

    public CreditLevel Level => (CreditLevel)PassedCount;
}

public enum CreditLevel
{
    Unverified = 0,
    Basic = 1,
    Intermediate = 2,
    Full = 3,
}

public static class CreditLevelLabels
{
    public static string Label(this CreditLevel level) => level switch
    {
        CreditLevel.Unverified => "未认证",
        CreditLevel.Basic => "一星信用",
        CreditLevel.Intermediate => "二星信用",
        CreditLevel.Full => "三星信用",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
