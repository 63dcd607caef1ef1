using Beian.Web.Data;
using Beian.Web.Infrastructure.PersonalData;

namespace Beian.Web.Infrastructure.Outbox;

/// <summary>
/// Queues SMS and email on the caller's <see cref="BeianDbContext"/> without saving: the caller's
/// own SaveChanges commits the message together with the change that caused it.
/// </summary>
public sealed class Outbox(BeianDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public const string SmsSignature = "【全国互联网安全管理服务平台】";

    public void QueueSms(string mobile, string text) =>
        Queue(OutboxChannel.Sms, mobile, subject: null, SmsSignature + text);

    public void QueueEmail(string address, string subject, string body) =>
        Queue(OutboxChannel.Email, address, subject, body);

    private void Queue(OutboxChannel channel, string recipient, string? subject, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Channel = channel,
            RecipientCipher = protector.Encrypt(recipient),
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
