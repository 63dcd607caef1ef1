using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Beian.Web.Infrastructure.Outbox;

public interface ISmsGateway
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

public interface IEmailGateway
{
    Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// The default SMS gateway when no SMS provider is configured: the message is already in the
/// outbox (readable at /dev/outbox in Development), so "sending" only records it in the log.
/// </summary>
public sealed class OutboxOnlySmsGateway(ILogger<OutboxOnlySmsGateway> logger) : ISmsGateway
{
    public Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
    {
        logger.LogInformation("SMS kept in the outbox (no SMS provider configured) for {Mobile}", Beian.Core.Accounts.MobileNumber.Mask(mobile));
        return Task.CompletedTask;
    }
}

/// <summary>The default email gateway when <c>Smtp:Host</c> is not set.</summary>
public sealed class OutboxOnlyEmailGateway(ILogger<OutboxOnlyEmailGateway> logger) : IEmailGateway
{
    public Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken)
    {
        logger.LogInformation("Email kept in the outbox (no SMTP configured): {Subject}", subject);
        return Task.CompletedTask;
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@beian.example";
    public string FromName { get; set; } = "全国互联网安全管理服务平台";
}

public sealed class MailKitEmailGateway(SmtpOptions options) : IEmailGateway
{
    public async Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        var security = options.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
