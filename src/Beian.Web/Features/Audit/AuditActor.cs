using System.Security.Claims;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Audit;

/// <summary>Who did it: the account, its police unit (officers only) and the address the request came from.</summary>
public sealed record AuditActor(string UserId, string UserName, string? UnitCode, string? SourceIp)
{
    /// <summary>Background jobs and anything else that runs outside a request.</summary>
    public static readonly AuditActor System = new("system", "system", null, null);

    public static AuditActor Anonymous(string? sourceIp) => new("anonymous", "anonymous", null, sourceIp);
}

/// <summary>
/// The actor of the current HTTP request (IHttpContextAccessor), else <see cref="AuditActor.System"/>.
/// The user and name come from the sign-in cookie; an officer's unit is read from the account once
/// per request, so a unit changed by an administrator shows at once.
/// </summary>
public sealed class AuditActors(IHttpContextAccessor http)
{
    private const string ItemKey = "beian.audit-actor";

    public bool InRequest => http.HttpContext != null;

    public async Task<AuditActor> CurrentAsync(BeianDbContext db, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        if (context == null) return AuditActor.System;
        var ip = context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
        var user = context.User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId)) return AuditActor.Anonymous(ip);
        // Cached per request and per user: a login changes the user within one request.
        if (context.Items[ItemKey] is AuditActor cached && cached.UserId == userId) return cached;
        var unit = user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Supervisor)
            ? await UnitOfAsync(db, userId, cancellationToken)
            : null;
        var actor = new AuditActor(userId, user.Identity?.Name ?? userId, unit, ip);
        context.Items[ItemKey] = actor;
        return actor;
    }

    /// <summary>An account named by id outside a request (e.g. the reviewer of a decision taken by a job).</summary>
    public static async Task<AuditActor> ForUserAsync(BeianDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.PoliceUnitCode }).FirstOrDefaultAsync(cancellationToken);
        return new AuditActor(userId, account?.UserName ?? userId, account?.PoliceUnitCode, null);
    }

    private static Task<string?> UnitOfAsync(BeianDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PoliceUnitCode).FirstOrDefaultAsync(cancellationToken);
}
