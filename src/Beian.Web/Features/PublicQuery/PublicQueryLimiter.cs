using Beian.Web.Infrastructure.RateLimits;
using Microsoft.AspNetCore.DataProtection;

namespace Beian.Web.Features.PublicQuery;

public enum PublicQueryGate
{
    Open,
    /// <summary>The page asks for the image captcha before it answers.</summary>
    CaptchaRequired,
    /// <summary>429 with Retry-After.</summary>
    Refused,
}

public readonly record struct PublicQueryAdmission(PublicQueryGate Gate, RateHit Hit)
{
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(Hit.RetryAfter.TotalSeconds));

    public string RefusalMessage => $"查询过于频繁，请于{RetryAfterSeconds}秒后再试。";
}

/// <summary>
/// Against scraping (SPEC §11): every public query of a client (the page, the API, the record page)
/// counts in one shared per-minute window (<see cref="RateCounter"/>). Past
/// <c>RateLimits:PublicQueryCaptchaAfter</c> queries the page asks for the image captcha, and a
/// solved one lets that client on until the window ends (a cookie bound to the client and the
/// window, protected with the shared key ring); the API, for machines, answers 429 instead. Past
/// <c>RateLimits:PublicQueryPerMinute</c> everything answers 429.
/// </summary>
public sealed class PublicQueryLimiter(RateCounter counter, IConfiguration configuration, IDataProtectionProvider protection)
{
    public const string Policy = "public-query";
    public const string PassCookie = "beian.pq";

    private readonly IDataProtector _passes = protection.CreateProtector("PublicQuery.CaptchaPass");

    public int PerMinute { get; } = configuration.GetValue("RateLimits:PublicQueryPerMinute", 60);

    public int CaptchaAfter { get; } = configuration.GetValue("RateLimits:PublicQueryCaptchaAfter", 20);

    /// <summary>The query page: open, captcha first, or refused.</summary>
    public async Task<PublicQueryAdmission> AdmitPageAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var hit = await counter.HitAsync(Policy, RateCounter.ClientOf(http), cancellationToken);
        if (hit.Count > PerMinute) return new(PublicQueryGate.Refused, hit);
        if (hit.Count > CaptchaAfter && !HasPass(http, hit.Window)) return new(PublicQueryGate.CaptchaRequired, hit);
        return new(PublicQueryGate.Open, hit);
    }

    /// <summary>The API and the record page: no captcha, so refused where the page would ask for one (the record page: at the hard limit).</summary>
    public async Task<PublicQueryAdmission> AdmitAsync(HttpContext http, bool captchaIsRefusal, CancellationToken cancellationToken)
    {
        var hit = await counter.HitAsync(Policy, RateCounter.ClientOf(http), cancellationToken);
        var limit = captchaIsRefusal ? Math.Min(CaptchaAfter, PerMinute) : PerMinute;
        return new(hit.Count > limit ? PublicQueryGate.Refused : PublicQueryGate.Open, hit);
    }

    /// <summary>After a solved captcha: this client queries on without one until the window ends.</summary>
    public void GrantPass(HttpContext http, RateHit hit) =>
        http.Response.Cookies.Append(PassCookie, _passes.Protect(PassValue(http, hit.Window)), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/Public",
            MaxAge = hit.RetryAfter + TimeSpan.FromSeconds(5),
        });

    /// <summary>Sets the 429 status and Retry-After of a refusal.</summary>
    public static void Refuse(HttpResponse response, PublicQueryAdmission admission)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = admission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private bool HasPass(HttpContext http, long window)
    {
        if (!http.Request.Cookies.TryGetValue(PassCookie, out var cookie) || string.IsNullOrEmpty(cookie)) return false;
        try
        {
            return _passes.Unprotect(cookie) == PassValue(http, window);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static string PassValue(HttpContext http, long window) => $"{RateCounter.ClientOf(http)}|{window}";
}
