using System.Net;
using AngleSharp.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Audit;

/// <summary>
/// The platform for the audit tests: the background sealer is off (tests seal when they choose, so
/// the chain they look at holds still), and a request may say which client address it comes from
/// (<see cref="ClientIpHeader"/>), as a reverse proxy would have told the node.
/// </summary>
public static class AuditPlatform
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Audit:SealSeconds"] = "0" };

    public static void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, ClientIpFromHeader>();

    /// <summary>A client whose requests come from <paramref name="ip"/>.</summary>
    public static PlatformClient From(this PlatformClient client, string ip)
    {
        client.Http.DefaultRequestHeaders.Remove(ClientIpHeader);
        client.Http.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    /// <summary>A police officer or administrator, logged in with the SMS second factor.</summary>
    public static async Task<(PlatformClient Client, StaffAccount Account)> StaffClientAsync(PlatformFixture platform, string role, string? unit)
    {
        var staff = await StaffAccounts.CreateAsync(platform, role, unit);
        var client = platform.NewClient();
        var second = await Applicants.LoginAsync(client, staff.UserName, staff.Password);
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, staff.Mobile);
        var home = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.Equal(role == Roles.Administrator ? "/Admin" : "/Police", home.PathOf());
        return (client, staff);
    }

    /// <summary>The ids of the records 审计日志 lists, in its order.</summary>
    public static List<string> Ids(IDocument page) =>
        page.QuerySelectorAll("#audit-records tbody tr").Select(tr => tr.GetAttribute("data-id")!).ToList();

    /// <summary>The cells of each record 审计日志 lists, their text with the spaces folded.</summary>
    public static List<string[]> Rows(IDocument page) =>
        page.QuerySelectorAll("#audit-records tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => string.Join(" ", td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
            .ToList();

    public static Task<string> UserIdAsync(PlatformFixture platform, string userName) =>
        platform.ScopedAsync(async s => await s.GetRequiredService<BeianDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientIpHeader], out var ip)) context.Connection.RemoteIpAddress = ip;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SqliteAuditPlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings => AuditPlatform.Settings;
    protected override void ConfigureServices(IServiceCollection services) => AuditPlatform.ConfigureServices(services);
}

public sealed class PostgresAuditPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings => AuditPlatform.Settings;
    protected override void ConfigureServices(IServiceCollection services) => AuditPlatform.ConfigureServices(services);
}
