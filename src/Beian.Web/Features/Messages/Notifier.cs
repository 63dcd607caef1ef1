using Beian.Web.Data;
using Beian.Web.Infrastructure.Outbox;

namespace Beian.Web.Features.Messages;

/// <summary>
/// Tells an account holder about something: a site message and, when a mobile is given, an SMS.
/// Nothing is saved here; both commit with the caller's change.
/// </summary>
public sealed class Notifier(BeianDbContext db, Outbox outbox, TimeProvider clock)
{
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
