using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Captcha;

public sealed class CaptchaService(
    BeianDbContext db,
    ICaptchaAnswerGenerator generator,
    TimeProvider clock,
    IHostEnvironment environment,
    IConfiguration configuration)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<Guid> CreateAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var challenge = new CaptchaChallenge
        {
            Id = Guid.NewGuid(),
            Answer = generator.NextAnswer(),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.CaptchaChallenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return challenge.Id;
    }

    public async Task<string?> AnswerForImageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.CaptchaChallenges.AsNoTracking()
            .Where(c => c.Id == id && c.UsedAt == null && c.ExpiresAt > now)
            .Select(c => c.Answer)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// True when the answer matches (case-insensitive). The challenge is spent either way, so a
    /// wrong guess needs a new image. In Development only, <c>Captcha:FixedAnswer</c> is also accepted.
    /// </summary>
    public async Task<bool> ValidateAsync(Guid? id, string? answer, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(answer)) return false;
        answer = answer.Trim();
        var fixedAnswer = environment.IsDevelopment() ? configuration["Captcha:FixedAnswer"] : null;
        if (!string.IsNullOrEmpty(fixedAnswer) && string.Equals(answer, fixedAnswer, StringComparison.OrdinalIgnoreCase))
            return true;
        if (id is not { } challengeId) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        var challenge = await db.CaptchaChallenges.FirstOrDefaultAsync(c => c.Id == challengeId, cancellationToken);
        if (challenge == null || challenge.UsedAt != null || challenge.ExpiresAt <= now) return false;
        challenge.UsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return string.Equals(challenge.Answer, answer, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes challenges that expired more than a day ago (called by the housekeeping job).</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        return db.CaptchaChallenges.Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
