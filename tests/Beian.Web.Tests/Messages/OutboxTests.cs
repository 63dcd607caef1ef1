using Beian.Web.Data;
using Beian.Web.Features.Messages;
using Beian.Web.Infrastructure.Outbox;
using Beian.Web.Infrastructure.PersonalData;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beian.Web.Tests.Messages;

/// <summary>SMS and email leave through the outbox: a provider outage loses nothing.</summary>
public abstract class OutboxTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_failed_send_is_retried_with_backoff_and_delivered_when_the_provider_recovers()
    {
        platform.RequireAvailable();
        var mobile = "13600000" + Random.Shared.Next(100, 999);
        var gateway = new FlakySmsGateway(mobile, failuresBeforeSuccess: 2);
        var clock = new ManualClock(DateTime.UtcNow.AddYears(1));

        await platform.ScopedAsync(async services =>
        {
            var outbox = new Outbox(services.GetRequiredService<BeianDbContext>(), services.GetRequiredService<PersonalDataProtector>(), clock);
            outbox.QueueSms(mobile, "测试短信");
            await services.GetRequiredService<BeianDbContext>().SaveChangesAsync();
            return 0;
        });

        await DispatchAsync(gateway, clock);
        Assert.Equal(1, gateway.Calls);
        var afterFirst = await MessageToAsync(mobile);
        Assert.Equal(OutboxStatus.Pending, afterFirst.Status);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Equal(clock.Now + OutboxDispatcher.Backoff(1), afterFirst.NextAttemptAt, TimeSpan.FromSeconds(1));

        await DispatchAsync(gateway, clock);
        Assert.Equal(1, (await MessageToAsync(mobile)).Attempts); // not due yet: nothing sent

        clock.Advance(OutboxDispatcher.Backoff(1));
        await DispatchAsync(gateway, clock);
        Assert.Equal(2, gateway.Calls);
        Assert.Equal(OutboxStatus.Pending, (await MessageToAsync(mobile)).Status);
        clock.Advance(OutboxDispatcher.Backoff(2));
        await DispatchAsync(gateway, clock);

        var delivered = await MessageToAsync(mobile);
        Assert.True(delivered.Status == OutboxStatus.Sent, $"{delivered.Status} {delivered.Attempts} {delivered.LastError} {delivered.NextAttemptAt:o} {clock.Now:o}");
        Assert.Equal(3, delivered.Attempts);
        Assert.Equal(1, gateway.Delivered.Count(m => m.Mobile == mobile));
    }

    [Fact]
    public async Task A_site_message_and_its_sms_commit_together_or_not_at_all()
    {
        platform.RequireAvailable();
        var userId = Guid.NewGuid().ToString();
        var mobile = "13500000" + Random.Shared.Next(100, 999);
        await platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            services.GetRequiredService<Notifier>().Notify(userId, "审核结果", "您的申请已通过", mobile, "您的申请已通过");
            db.ChangeTracker.Clear(); // the caller's change failed before saving: nothing may leak out
            await db.SaveChangesAsync();
            return 0;
        });
        var leaked = await platform.ScopedAsync(services =>
            services.GetRequiredService<BeianDbContext>().SiteMessages.AnyAsync(m => m.UserId == userId));
        Assert.False(leaked);

        await platform.ScopedAsync(async services =>
        {
            services.GetRequiredService<Notifier>().Notify(userId, "审核结果", "您的申请已通过", mobile, "您的申请已通过");
            return await services.GetRequiredService<BeianDbContext>().SaveChangesAsync();
        });
        var messages = await OutboxReader.MessagesAsync(platform);
        Assert.Contains(messages, m => m.Recipient == mobile && m.Body.Contains("您的申请已通过"));
        var stored = await platform.ScopedAsync(services =>
            services.GetRequiredService<BeianDbContext>().SiteMessages.CountAsync(m => m.UserId == userId));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task The_recipient_is_stored_encrypted()
    {
        platform.RequireAvailable();
        var mobile = "13700000" + Random.Shared.Next(100, 999);
        var stored = await platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            services.GetRequiredService<Outbox>().QueueSms(mobile, "加密测试");
            await db.SaveChangesAsync();
            return await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).Select(m => m.RecipientCipher).ToListAsync();
        });
        Assert.DoesNotContain(stored, cipher => cipher.Contains(mobile));
    }

    private Task<int> DispatchAsync(ISmsGateway gateway, TimeProvider clock) =>
        platform.ScopedAsync(services => new OutboxDispatcher(
                services.GetRequiredService<BeianDbContext>(),
                services.GetRequiredService<PersonalDataProtector>(),
                gateway,
                services.GetRequiredService<IEmailGateway>(),
                clock,
                NullLogger<OutboxDispatcher>.Instance)
            .DispatchBatchAsync(1000, CancellationToken.None));

    private async Task<OutboxMessage> MessageToAsync(string mobile)
    {
        var all = await platform.ScopedAsync(services =>
            services.GetRequiredService<BeianDbContext>().OutboxMessages.AsNoTracking().ToListAsync());
        var protector = platform.Services.GetRequiredService<PersonalDataProtector>();
        return all.Single(m => protector.Decrypt(m.RecipientCipher) == mobile);
    }

    private sealed class FlakySmsGateway(string failingMobile, int failuresBeforeSuccess) : ISmsGateway
    {
        private int _failuresLeft = failuresBeforeSuccess;
        public List<(string Mobile, string Text)> Delivered { get; } = [];

        public int Calls;

        /// <summary>Fails only for the test's own number: other tests' messages may be due too.</summary>
        public Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
        {
            if (mobile != failingMobile) return Task.CompletedTask;
            Calls++;
            if (_failuresLeft-- > 0) throw new HttpRequestException("短信网关不可用");
            Delivered.Add((mobile, text));
            return Task.CompletedTask;
        }
    }
}

public sealed class OutboxTests_Sqlite(SqlitePlatform platform) : OutboxTests(platform), IClassFixture<SqlitePlatform>;

public sealed class OutboxTests_Postgres(PostgresPlatform platform) : OutboxTests(platform), IClassFixture<PostgresPlatform>;
