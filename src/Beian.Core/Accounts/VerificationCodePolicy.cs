namespace Beian.Core.Accounts;

/// <summary>
/// Rules for SMS verification codes: 6 digits, valid 5 minutes, one send per 60 seconds per number
/// and purpose, and a daily cap per number so that nobody can use the platform to flood a phone.
/// </summary>
public sealed record VerificationCodePolicy(
    int Digits = 6,
    int ValidMinutes = 5,
    int ResendAfterSeconds = 60,
    int DailyCapPerNumber = 10,
    int MaxAttempts = 5)
{
    public static VerificationCodePolicy Default { get; } = new();

    public TimeSpan Validity => TimeSpan.FromMinutes(ValidMinutes);

    public TimeSpan ResendInterval => TimeSpan.FromSeconds(ResendAfterSeconds);

    /// <summary>Why a new code may not be sent now, or null when it may.</summary>
    public string? RefuseSend(DateTime? lastSentUtc, int sentTodayToNumber, DateTime nowUtc)
    {
        if (sentTodayToNumber >= DailyCapPerNumber)
            return $"该手机号今日获取验证码已达{DailyCapPerNumber}次上限，请明天再试";
        if (lastSentUtc is { } last && nowUtc - last < ResendInterval)
        {
            var wait = (int)Math.Ceiling((ResendInterval - (nowUtc - last)).TotalSeconds);
            return $"验证码已发送，请{wait}秒后再获取";
        }
        return null;
    }
}
