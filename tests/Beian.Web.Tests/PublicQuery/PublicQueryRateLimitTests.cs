using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Hosting;
using Beian.Web.Infrastructure.RateLimits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.PublicQuery.PublicQueryFlows;

namespace Beian.Web.Tests.PublicQuery;

/// <summary>
/// The public query's limits per client, counted in the database: the page asks for the captcha
/// past <c>PublicQueryCaptchaAfter</c> (3 here), the API answers 429 there, everything answers 429
/// past <c>PublicQueryPerMinute</c> (10 here) — and two nodes on one database share the count.
/// Each test starts in a fresh minute of the platform's clock.
/// </summary>
public abstract class PublicQueryRateLimitTests(PlatformFixture platform, ManualClock clock)
{
    public const int CaptchaAfter = 3;
    public const int PerMinute = 10;

    public static IDictionary<string, string?> Limits => new Dictionary<string, string?>
    {
        ["RateLimits:PublicQueryPerMinute"] = PerMinute.ToString(),
        ["RateLimits:PublicQueryCaptchaAfter"] = CaptchaAfter.ToString(),
    };

    [Fact]
    public async Task Two_hosts_on_one_database_share_the_count_and_refuse_with_429_in_chinese()
    {
        platform.RequireAvailable();
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var secondHost = platform.Factory.WithWebHostBuilder(_ => { });
        using var first = platform.NewClient();
        using var second = new PlatformClient(secondHost.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var hosts = new[] { first, second, first };
        foreach (var host in hosts)
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/public/websites?number=11010502000001")).StatusCode);
        var refused = await second.Http.GetAsync("/api/public/websites?domain=example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("查询过于频繁", problem.GetProperty("title").GetString());
        Assert.StartsWith("查询过于频繁，请于", problem.GetProperty("detail").GetString());
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);

        // The page asks for the captcha (counts 5 … 10, on either host), then refuses too, as does the record page.
        for (var count = CaptchaAfter + 2; count <= PerMinute; count++)
        {
            var page = await QueryAsync(count % 2 == 0 ? first : second, "name", "小米");
            Assert.NotNull(page.QuerySelector("#captcha-notice"));
        }
        var tooMany = await QueryAsync(first, "name", "小米");
        Assert.Equal(HttpStatusCode.TooManyRequests, first.LastResponse!.StatusCode);
        Assert.StartsWith("查询过于频繁，请于", tooMany.QuerySelector("#query-refused")!.TextContent);
        Assert.True(first.LastResponse.Headers.Contains("Retry-After"));
        await second.GetAsync("/Public/Record/11010502000001");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.LastResponse!.StatusCode);

        // A new minute, a new count.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/api/public/websites?number=11010502000001")).StatusCode);
    }

    [Fact]
    public async Task In_production_nodes_count_in_memory_and_learn_each_others_counts_at_each_sync()
    {
        platform.RequireAvailable();
        clock.Advance(TimeSpan.FromMinutes(1));
        // Two nodes that share their counts only when told to (production syncs every second).
        static WebApplicationFactory<Program> Node(WebApplicationFactory<Program> factory) =>
            factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:SyncMilliseconds", "3600000"));
        await using var nodeA = Node(platform.Factory);
        await using var nodeB = Node(platform.Factory);
        using var a = new PlatformClient(nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        using var b = new PlatformClient(nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        async Task<HttpStatusCode> AskAsync(PlatformClient node) => (await node.Http.GetAsync("/api/public/websites?number=11010502000001")).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await AskAsync(a));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(a));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(b));
        Assert.Equal(0, await SharedCountAsync());

        await nodeA.Services.GetRequiredService<RateCounter>().FlushAsync();
        await nodeB.Services.GetRequiredService<RateCounter>().FlushAsync();
        Assert.Equal(3, await SharedCountAsync());
        // Node B now knows of node A's two: its next one is the fourth, past the API's limit of three.
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(b));
    }

    private Task<int> SharedCountAsync() =>
        platform.ScopedAsync(async s =>
        {
            var window = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
            return await s.GetRequiredService<BeianDbContext>().RateLimitWindows.AsNoTracking()
                .Where(w => w.Window == window && w.Key.StartsWith("public-query:")).SumAsync(w => w.Count);
        });

    [Fact]
    public async Task The_page_asks_for_the_captcha_after_the_threshold_and_answers_once_it_is_solved()
    {
        platform.RequireAvailable();
        clock.Advance(TimeSpan.FromMinutes(1));
        using var visitor = platform.NewClient();
        for (var i = 0; i < CaptchaAfter; i++)
        {
            var open = await QueryAsync(visitor, "name", "小米");
            Assert.NotNull(open.QuerySelector("#query-summary"));
            Assert.Null(open.QuerySelector("#captcha-notice"));
        }

        var asked = await QueryAsync(visitor, "domain", "www.example.com");
        Assert.Equal("您的查询较为频繁，请输入验证码后继续查询。", asked.QuerySelector("#captcha-notice")!.TextContent);
        Assert.Null(asked.QuerySelector("#query-summary"));
        Assert.NotNull(asked.QuerySelector("img[alt='验证码图片']"));
        Assert.Equal("www.example.com", asked.QuerySelector("#Keyword")!.GetAttribute("value"));

        var wrong = await visitor.SubmitAsync(asked, "查询", new Dictionary<string, string> { ["CaptchaAnswer"] = "WRONG" });
        Assert.Equal("验证码错误或已过期，请重新输入", wrong.FieldError("CaptchaAnswer"));
        Assert.Null(wrong.QuerySelector("#query-summary"));

        var answered = await visitor.SubmitAsync(wrong, "查询", new Dictionary<string, string> { ["CaptchaAnswer"] = PlatformFixture.CaptchaAnswer });
        Assert.Equal("/Public/Query", answered.PathOf());
        Assert.Contains("按域名查询“www.example.com”", answered.QuerySelector("#query-summary")!.TextContent);
        Assert.Null(answered.QuerySelector("#captcha-notice"));
        Assert.NotNull((await QueryAsync(visitor, "name", "小米")).QuerySelector("#query-summary"));

        // Another visitor at the same address has solved nothing: asked for the captcha.
        using var neighbour = platform.NewClient();
        Assert.NotNull((await QueryAsync(neighbour, "name", "小米")).QuerySelector("#captcha-notice"));
        // The empty form is no query and counts nothing.
        for (var i = 0; i < PerMinute; i++) await visitor.GetAsync("/Public/Query");
        Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
        Assert.NotNull((await QueryAsync(visitor, "name", "小米")).QuerySelector("#query-summary"));
    }

    [Fact]
    public async Task Housekeeping_deletes_the_windows_of_past_minutes_and_keeps_the_current_one()
    {
        platform.RequireAvailable();
        clock.Advance(TimeSpan.FromMinutes(1));
        using var visitor = platform.NewClient();
        await visitor.Http.GetAsync("/api/public/websites?number=11010502000001");
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            db.RateLimitWindows.Add(new RateLimitWindow { Key = "public-query:198.51.100.7", Window = current - 11, Count = 5 });
            db.RateLimitWindows.Add(new RateLimitWindow { Key = "public-query:198.51.100.7", Window = current - 2, Count = 5 });
            return await db.SaveChangesAsync();
        });

        var housekeeping = platform.Services.GetServices<IHostedService>().OfType<HousekeepingService>().Single();
        await housekeeping.RunOnceAsync(CancellationToken.None);
        var windows = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().RateLimitWindows.AsNoTracking()
            .Select(w => w.Window).ToListAsync());
        Assert.DoesNotContain(current - 11, windows);
        Assert.Contains(current - 2, windows);
        Assert.Contains(current, windows);
    }
}

public sealed class LimitedSqlitePlatform : SqlitePlatform
{
    public ManualClock Clock { get; } = new(DateTime.UtcNow);
    protected override IDictionary<string, string?> ExtraSettings => PublicQueryRateLimitTests.Limits;
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class LimitedPostgresPlatform : PostgresPlatform
{
    public ManualClock Clock { get; } = new(DateTime.UtcNow);
    protected override IDictionary<string, string?> ExtraSettings => PublicQueryRateLimitTests.Limits;
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class PublicQueryRateLimitTests_Sqlite(LimitedSqlitePlatform platform)
    : PublicQueryRateLimitTests(platform, platform.Clock), IClassFixture<LimitedSqlitePlatform>;

public sealed class PublicQueryRateLimitTests_Postgres(LimitedPostgresPlatform platform)
    : PublicQueryRateLimitTests(platform, platform.Clock), IClassFixture<LimitedPostgresPlatform>;
