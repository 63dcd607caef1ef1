using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Infrastructure.PersonalData;
using Beian.Web.Infrastructure.RateLimits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Accounts;

/// <summary>Who tries to sign in, from which client address, at which step.</summary>
public readonly record struct SignInAttempt(string Account, string Source, SignInStep Step);

/// <summary>
/// The 等保 lockout (<see cref="SignInLockoutPolicy"/>: five wrong passwords or codes, 30 minutes),
/// counted per account and client address so that a stranger's failures lock the stranger out while
/// the owner, elsewhere, still signs in. A login that names no account is counted like one that
/// does, under a keyed hash of what was typed, so the answers never tell whether an account exists.
/// The counts are in the shared database, so the lock holds on every node; each failure is recorded
/// by a compare-and-swap on the row's version (or an insert only one request wins), so failures
/// sent at the same moment are all counted.
/// </summary>
public sealed class SignInThrottle(BeianDbContext db, SignInLockoutPolicy policy, PersonalDataProtector protector, TimeProvider clock)
{
    // Each round lost means another failure was recorded; far more than the per-client rate limit lets through.
    private const int MaxRounds = 20;

    public SignInLockoutPolicy Policy => policy;

    /// <summary>The attempt of <paramref name="user"/> (null: <paramref name="login"/> names no account) from the request's client.</summary>
    public SignInAttempt AttemptOf(SignInStep step, ApplicationUser? user, string login, HttpContext context) =>
        new(user?.Id ?? "?" + protector.Hash(login), RateCounter.ClientOf(context), step);

    /// <summary>Whole minutes the attempt's account is still locked for its source; 0 when it may try.</summary>
    public async Task<int> MinutesLockedAsync(SignInAttempt attempt, CancellationToken cancellationToken = default) =>
        policy.MinutesLocked((await FindAsync(attempt, cancellationToken))?.State, Now);

    /// <summary>Counts one failure; the failures afterwards (the fifth locks).</summary>
    public async Task<SignInFailures> FailedAsync(SignInAttempt attempt, CancellationToken cancellationToken = default)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var row = await FindAsync(attempt, cancellationToken);
            var next = policy.AfterFailure(row?.State, Now);
            if (await RecordAsync(attempt, row?.Version, next, cancellationToken)) return next;
        }
        throw new InvalidOperationException("A failed sign-in could not be counted: the record kept changing.");
    }

    /// <summary>A success: the account's failures from this source are forgotten.</summary>
    public Task SucceededAsync(SignInAttempt attempt, CancellationToken cancellationToken = default) =>
        Matching(attempt).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The accounts among <paramref name="accountIds"/> (all, when null) locked for some source now.</summary>
    public async Task<List<string>> LockedAccountsAsync(IReadOnlyCollection<string>? accountIds = null, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var locked = db.SignInFailures.Where(f => f.LockedUntil > now);
        if (accountIds != null) locked = locked.Where(f => accountIds.Contains(f.Account));
        return await locked.Select(f => f.Account).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>When the account's last lock for any source ends, or null when it is not locked.</summary>
    public async Task<DateTime?> LockedUntilAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return await db.SignInFailures.Where(f => f.Account == accountId && f.LockedUntil > now)
            .MaxAsync(f => f.LockedUntil, cancellationToken);
    }

    /// <summary>解除锁定: the account's failures and locks from every source are forgotten.</summary>
    public Task UnlockAsync(string accountId, CancellationToken cancellationToken = default) =>
        db.SignInFailures.Where(f => f.Account == accountId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes what the policy has forgotten anyway: no lock left and no failure for a day.</summary>
    public Task<int> PurgeStaleAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var cutoff = now - SignInLockoutPolicy.ForgetAfter;
        return db.SignInFailures.Where(f => f.LastFailedAt < cutoff && (f.LockedUntil == null || f.LockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private Task<SignInFailure?> FindAsync(SignInAttempt attempt, CancellationToken cancellationToken) =>
        Matching(attempt).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    private IQueryable<SignInFailure> Matching(SignInAttempt attempt) =>
        db.SignInFailures.Where(f => f.Account == attempt.Account && f.Source == attempt.Source && f.Step == attempt.Step);

    /// <summary>True when this failure was recorded; false when another request changed the record first.</summary>
    private async Task<bool> RecordAsync(SignInAttempt attempt, int? version, SignInFailures next, CancellationToken cancellationToken)
    {
        if (version == null)
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SignInFailures" ("Account", "Source", "Step", "Count", "LastFailedAt", "LockedUntil", "Version")
                VALUES ({attempt.Account}, {attempt.Source}, {attempt.Step.ToString()}, {next.Count}, {next.LastFailedAt}, {next.LockedUntil}, 1)
                ON CONFLICT ("Account", "Source", "Step") DO NOTHING
                """, cancellationToken) == 1;
        return await Matching(attempt).Where(f => f.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Count, next.Count)
                .SetProperty(f => f.LastFailedAt, next.LastFailedAt)
                .SetProperty(f => f.LockedUntil, next.LockedUntil)
                .SetProperty(f => f.Version, f => f.Version + 1), cancellationToken) == 1;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
