using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Messages;

/// <summary>
/// Tells an account holder about something: a site message and, when a mobile is given, an SMS.
/// Nothing is saved here; both commit with the caller's change.
/// </summary>
public sealed class Notifier(BeianDbContext db, Outbox outbox, AccountLookup accounts, TimeProvider clock)
{
    /// <summary>A site message, and the same text by SMS to the account's own mobile.</summary>
    public async Task NotifyWithSmsAsync(string userId, string title, string text, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        Notify(userId, title, text, user == null ? null : accounts.MobileOf(user), text);
    }

    public void Notify(string userId, string title, string body, string? smsMobile = null, string? smsText = null)
    {
        db.SiteMessages.Add(new SiteMessage
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Title = title,
            Body = body,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        if (!string.IsNullOrEmpty(smsMobile))
            outbox.QueueSms(smsMobile, smsText ?? body);
    }
}
