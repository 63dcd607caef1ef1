using System.Security.Claims;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 当前主体: an account with several subjects picks the one it works on (切换主体, top right); the
/// choice lives in a cookie, and without one the newest current subject is used.
/// </summary>
public sealed class CurrentSubject(BeianDbContext db, IHttpContextAccessor http)
{
    public const string CookieName = "beian.subject";

    public async Task<Subject?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId == null) return null;
        var mine = db.Subjects.Where(s => s.OwnerUserId == userId
            && s.Status != SubjectStatus.Cancelled && s.Status != SubjectStatus.Withdrawn);
        if (Guid.TryParse(http.HttpContext!.Request.Cookies[CookieName], out var chosen)
            && await mine.FirstOrDefaultAsync(s => s.Id == chosen, cancellationToken) is { } picked)
            return picked;
        return await mine.OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The user's subject named by <paramref name="subjectId"/>, or without one the current subject; null when neither is the user's.</summary>
    public async Task<Subject?> OwnedOrCurrentAsync(Guid? subjectId, CancellationToken cancellationToken = default)
    {
        if (subjectId is not { } id) return await GetAsync(cancellationToken);
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.Subjects.FirstOrDefaultAsync(s => s.Id == id && s.OwnerUserId == userId, cancellationToken);
    }

    public void Choose(Guid subjectId) =>
        http.HttpContext!.Response.Cookies.Append(CookieName, subjectId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Secure = http.HttpContext.Request.IsHttps,
        });
}
