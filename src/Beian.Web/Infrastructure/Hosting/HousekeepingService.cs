using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Captcha;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>
/// Periodic clean-up of spent short-lived records (captchas, verification codes and the numbers' send counts, forgotten sign-in failures, rate-limit windows, expired background exports and their files). Every step is an
/// idempotent DELETE with a cut-off, so several nodes may run it at the same time.
/// </summary>
public sealed class HousekeepingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HousekeepingService> logger)
    : Jobs.PeriodicJob(logger)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromMinutes(30);
    protected override string FailureMessage => "Housekeeping failed; will retry";
    protected override LogLevel FailureLevel => LogLevel.Warning;

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CaptchaService>().PurgeExpiredAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DraftService>().PurgeExpiredAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var codeCutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(2);
        await db.VerificationCodes.Where(c => c.SentAt < codeCutoff).ExecuteDeleteAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SmsSendQuota>().PurgeStaleAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SignInThrottle>().PurgeStaleAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UploadService>().PurgeOrphansAsync(cancellationToken: cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RateLimits.RateCounter>().PurgeExpiredAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Features.Police.Exports.BackgroundExportJobs>().PurgeExpiredAsync(cancellationToken);
    }
}
