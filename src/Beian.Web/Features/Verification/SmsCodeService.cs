using System.Security.Cryptography;
using System.Text;
using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Outbox;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Verification;

/// <summary>
/// Sends and checks SMS verification codes (手机验证, 注销, 移交 …) under
/// <see cref="VerificationCodePolicy"/>, each send allowed by <see cref="SmsSendQuota"/>. The code
/// leaves through the outbox.
/// </summary>
public sealed class SmsCodeService(
    BeianDbContext db,
    Outbox outbox,
    PersonalDataProtector protector,
    TimeProvider clock,
    VerificationCodePolicy policy,
    SmsSendQuota quota)
{
    public async Task<SendResult> SendAsync(VerificationPurpose purpose, string mobile, string? userId, CancellationToken cancellationToken = default)
    {
        var number = MobileNumber.Normalize(mobile);
        if (await quota.TakeAsync(number, cancellationToken) is { } refusal) return SendResult.Refused(refusal);
        var now = clock.GetUtcNow().UtcDateTime;

        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, policy.Digits)).ToString($"D{policy.Digits}");
        db.VerificationCodes.Add(new VerificationCode
        {
            Id = Guid.CreateVersion7(),
            Purpose = purpose,
            MobileHash = protector.Hash(number),
            UserId = userId,
            CodeHash = HashCode(code),
            SentAt = now,
            ExpiresAt = now + policy.Validity,
        });
        outbox.QueueSms(number, $"您的验证码为{code}，用于{PurposeLabel(purpose)}，{policy.ValidMinutes}分钟内有效。请勿将验证码告知他人。");
        await db.SaveChangesAsync(cancellationToken);
        return SendResult.Sent(quota.CooldownSeconds);
    }

    /// <summary>Checks the newest live code for this number and purpose; a correct code is consumed.</summary>
    public async Task<bool> VerifyAsync(VerificationPurpose purpose, string mobile, string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return false;
        var mobileHash = protector.Hash(MobileNumber.Normalize(mobile));
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.VerificationCodes
            .Where(c => c.MobileHash == mobileHash && c.Purpose == purpose && c.ConsumedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.SentAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest == null || latest.FailedAttempts >= policy.MaxAttempts) return false;

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(latest.CodeHash), Encoding.ASCII.GetBytes(HashCode(code.Trim())));
        if (matches) latest.ConsumedAt = now;
        else latest.FailedAttempts++;
        await db.SaveChangesAsync(cancellationToken);
        return matches;
    }

    private static string HashCode(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));

    private static string PurposeLabel(VerificationPurpose purpose) => purpose switch
    {
        VerificationPurpose.VerifyMobile => "手机验证",
        VerificationPurpose.ChangeMobile => "修改手机号码",
        VerificationPurpose.CancelSubject => "注销主体",
        VerificationPurpose.TransferSubject => "移交主体",
        VerificationPurpose.CancelWebsite => "注销网站",
        VerificationPurpose.CancelApp => "注销APP",
        VerificationPurpose.CancelMiniProgram => "注销小程序",
        _ => "身份核验",
    };
}

public sealed record SendResult(bool Succeeded, string? Error, int ResendAfterSeconds)
{
    public static SendResult Sent(int resendAfter) => new(true, null, resendAfter);
    public static SendResult Refused(string error) => new(false, error, 0);
}
