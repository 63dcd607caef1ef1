using Beian.Web.Data;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages. Safe on several nodes: a node first leases a batch with one
/// conditional UPDATE (only rows that are due and not leased by a live node), then sends what it
/// holds. A failed send is retried with exponential backoff; after <see cref="MaxAttempts"/> the
/// message is marked Failed and stays visible for operators.
/// </summary>
public sealed class OutboxDispatcher(
    BeianDbContext db,
    PersonalDataProtector protector,
    ISmsGateway sms,
    IEmailGateway email,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);
    private static readonly string NodeId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends one batch; returns how many messages were attempted.</summary>
    public async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseToken = $"{NodeId}:{Guid.NewGuid():N}";
        var dueIds = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                        && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (dueIds.Count == 0) return 0;

        // The lease is taken row by row with the due/unleased condition repeated, so two nodes that
        // read the same ids never both win the same row.
        await db.OutboxMessages
            .Where(m => dueIds.Contains(m.Id) && m.Status == OutboxStatus.Pending
                        && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeasedBy, leaseToken)
                .SetProperty(m => m.LeaseExpiresAt, now + LeaseDuration), cancellationToken);

        var leased = await db.OutboxMessages.Where(m => m.LeasedBy == leaseToken).ToListAsync(cancellationToken);
        foreach (var message in leased)
            await DeliverAsync(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return leased.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LeasedBy = null;
        message.LeaseExpiresAt = null;
        try
        {
            var recipient = protector.Decrypt(message.RecipientCipher);
            if (message.Channel == OutboxChannel.Sms)
                await sms.SendAsync(recipient, message.Body, cancellationToken);
            else
                await email.SendAsync(recipient, message.Subject ?? string.Empty, message.Body, cancellationToken);
            message.Status = OutboxStatus.Sent;
            // One line per delivery, which the cluster drill counts across the nodes' logs.
            logger.LogInformation("Outbox message {Id} delivered", message.Id);
            Hosting.Telemetry.OutboxDelivered.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
            message.SentAt = now;
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox message {Id} failed on attempt {Attempt}", message.Id, message.Attempts);
            Hosting.Telemetry.OutboxFailedAttempts.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (message.Attempts >= MaxAttempts)
                message.Status = OutboxStatus.Failed;
            else
                message.NextAttemptAt = now + Backoff(message.Attempts);
        }
    }

    /// <summary>10 s, 20 s, 40 s … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, attempts - 1)));
}

/// <summary>Runs the dispatcher every <c>Outbox:PollSeconds</c> (3) on every node, until nothing is left to send.</summary>
public sealed class OutboxSenderService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OutboxSenderService> logger)
    : Jobs.PeriodicJob(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Outbox:PollSeconds", 3.0));
    protected override string FailureMessage => "Outbox dispatch failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        int sent;
        do
        {
            using var scope = scopes.CreateScope();
            sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(50, cancellationToken);
        } while (sent > 0 && !cancellationToken.IsCancellationRequested);
    }
}
