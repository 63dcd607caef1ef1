using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Verification;

/// <summary>
/// Every verification code asks here before it goes to a mobile number, whatever sends it (手机验证,
/// 修改手机号码, the second factor, 注销 and 移交). <see cref="SmsSendLimits"/> decides on the number's
/// shared <see cref="SmsRecipient"/> record, and the send is recorded by a compare-and-swap on its
/// version (or, for a number never sent to, an insert only one node wins): of two requests for one
/// number at the same moment, on one node or several, one sends and the other is refused.
/// </summary>
public sealed class SmsSendQuota(BeianDbContext db, PersonalDataProtector protector, SmsSendLimits limits, TimeProvider clock)
{
    private const string InsertSql = """
        INSERT INTO "SmsRecipients" ("MobileHash", "LastSentAt", "Day", "SentOnDay", "Version") VALUES ({0}, {1}, {2}, {3}, 1)
        ON CONFLICT ("MobileHash") DO NOTHING
        """;

    // A lost race is decided again on what the winner wrote, which normally refuses (the cooldown).
    private const int MaxRounds = 3;

    public int CooldownSeconds => limits.CooldownSeconds;

    /// <summary>Takes one send to <paramref name="mobile"/>: null when a code may go now, otherwise the refusal to show.</summary>
    public async Task<string?> TakeAsync(string mobile, CancellationToken cancellationToken = default)
    {
        var mobileHash = protector.Hash(MobileNumber.Normalize(mobile));
        for (var round = 0; round < MaxRounds; round++)
        {
            var recipient = await db.SmsRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.MobileHash == mobileHash, cancellationToken);
            var decision = limits.Decide(recipient?.History, clock.GetUtcNow().UtcDateTime);
            if (!decision.Allowed) return decision.Refusal;
            if (await RecordAsync(mobileHash, recipient?.Version, decision.Next!, cancellationToken)) return null;
        }
        return $"验证码发送过于频繁，请{limits.CooldownSeconds}秒后再试";
    }

    /// <summary>Deletes the records of numbers sent nothing for two days: no cooldown or day count is left in them.</summary>
    public Task<int> PurgeStaleAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(2);
        return db.SmsRecipients.Where(r => r.LastSentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>True when this request's send was recorded; false when another request changed the record first.</summary>
    private async Task<bool> RecordAsync(string mobileHash, int? version, SmsSendHistory next, CancellationToken cancellationToken)
    {
        if (version == null)
            return await db.Database.ExecuteSqlRawAsync(InsertSql, [mobileHash, next.LastSentAt, next.Day, next.SentOnDay], cancellationToken) == 1;
        return await db.SmsRecipients
            .Where(r => r.MobileHash == mobileHash && r.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LastSentAt, next.LastSentAt)
                .SetProperty(r => r.Day, next.Day)
                .SetProperty(r => r.SentOnDay, next.SentOnDay)
                .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken) == 1;
    }
}
