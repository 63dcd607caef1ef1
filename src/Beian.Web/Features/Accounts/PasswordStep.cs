using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Beian.Web.Features.Accounts;

/// <summary>What the password step answered: the account and Identity's result, or the refusal to show.</summary>
public sealed record PasswordOutcome(ApplicationUser? User, SignInResult Result, string? Refusal)
{
    public bool Passed => Refusal == null;
}

/// <summary>
/// The password step of every login (the login page, binding an external login) under the
/// per-source lockout of <see cref="SignInThrottle"/>. A login that names no account is answered
/// exactly as a wrong password, tries left included; why an account is barred (停用) is told only
/// to whoever typed its right password.
/// </summary>
public sealed class PasswordStep(UserManager<ApplicationUser> users, AccountLookup accounts, SignInThrottle throttle)
{
    /// <summary>
    /// Finds the account named by <paramref name="login"/> and, unless this client is locked out of
    /// it, checks the password with <paramref name="check"/> (which signs in, or only checks).
    /// </summary>
    public async Task<PasswordOutcome> TryAsync(string login, string password, HttpContext context, Func<ApplicationUser, Task<SignInResult>> check)
    {
        var user = await accounts.FindByLoginAsync(login);
        var attempt = throttle.AttemptOf(SignInStep.Password, user, login, context);
        if (await throttle.MinutesLockedAsync(attempt) is > 0 and var minutes)
            return new PasswordOutcome(user, SignInResult.LockedOut, LockedMessage(minutes));
        var result = user == null ? SignInResult.Failed : await check(user);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(attempt);
            return new PasswordOutcome(user, result, null);
        }
        return new PasswordOutcome(user, result, await RefusalAsync(user, password, result, attempt));
    }

    private async Task<string> RefusalAsync(ApplicationUser? user, string password, SignInResult result, SignInAttempt attempt)
    {
        var policy = throttle.Policy;
        // Identity bars a disabled account (or one locked by its own count before the per-source
        // one) before it looks at the password: look at it here, so a wrong one says only that.
        if ((result.IsNotAllowed || result.IsLockedOut) && await users.CheckPasswordAsync(user!, password))
            return result.IsLockedOut ? LockedMessage(policy.LockMinutes)
                : user!.DisabledAt != null ? "该账号已停用，不能登录。如有疑问请联系管理员。" : "该账号暂不允许登录，请联系管理员。";
        var triesLeft = policy.TriesLeft(await throttle.FailedAsync(attempt));
        return triesLeft == 0 ? LockedMessage(policy.LockMinutes) : $"用户名/手机号或密码错误，再输错{triesLeft}次将被锁定{policy.LockMinutes}分钟。";
    }

    private static string LockedMessage(int minutes) => $"密码连续输错次数过多，已暂停从当前网络登录该账号，请{minutes}分钟后再试。";
}
