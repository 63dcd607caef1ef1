namespace Beian.Core.Accounts;

/// <summary>
/// Rules for SMS verification codes: 6 digits, valid 5 minutes, at most 5 wrong tries per code.
/// How often a number may be sent one is <see cref="SmsSendLimits"/>.
/// </summary>
public sealed record VerificationCodePolicy(
    int Digits = 6,
    int ValidMinutes = 5,
    int MaxAttempts = 5)
{
    public static VerificationCodePolicy Default { get; } = new();

    public TimeSpan Validity => TimeSpan.FromMinutes(ValidMinutes);
}
