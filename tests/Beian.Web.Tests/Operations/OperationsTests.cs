using System.Net;
using Beian.Web.Data;
using PoliceUnitLevel = Beian.Core.PoliceUnits.PoliceUnitLevel;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Operations;

public abstract class OperationsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_and_readiness_answer()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/healthz")).StatusCode);
        var ready = await client.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_gets_a_chinese_error_page_with_a_reference_id_and_no_stack_trace()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var page = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, client.LastResponse!.StatusCode);
        Assert.Contains("页面不存在", page.Text());
        Assert.Contains("参考编号", page.Text());
        Assert.DoesNotContain("Exception", page.Text());
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.GetAsync("/Accounts/Login");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_over_https_only()
    {
        platform.RequireAvailable();
        Assert.Contains("secure", await AntiforgeryCookieAsync("https://localhost"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await AntiforgeryCookieAsync("http://localhost"), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> AntiforgeryCookieAsync(string baseAddress)
    {
        using var client = platform.Factory.CreateClient(new() { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        var response = await client.GetAsync("/Accounts/Login");
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        platform.RequireAvailable();
        var pending = await platform.ScopedAsync(services =>
            Task.FromResult(services.GetRequiredService<BeianDbContext>().Database.HasPendingModelChanges()));
        Assert.False(pending, "The model has changes that no migration captures: add a migration for each provider.");
    }

    [Fact]
    public async Task Two_administrators_editing_one_unit_cannot_overwrite_each_other()
    {
        platform.RequireAvailable();
        var code = "9" + Random.Shared.Next(10000, 99999);
        await platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            db.PoliceUnits.Add(new PoliceUnit { Code = code, Name = "测试网安大队", Level = PoliceUnitLevel.County, ContactPhone = "0571-87654321" });
            return await db.SaveChangesAsync();
        });

        using var first = platform.Services.CreateScope();
        using var second = platform.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<BeianDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<BeianDbContext>();
        var firstCopy = await firstDb.PoliceUnits.SingleAsync(u => u.Code == code);
        var secondCopy = await secondDb.PoliceUnits.SingleAsync(u => u.Code == code);

        firstCopy.ReviewLimitWorkingDays = 7;
        await firstDb.SaveChangesAsync();
        secondCopy.ReviewLimitWorkingDays = 15;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
    }
}

public sealed class OperationsTests_Sqlite(SqlitePlatform platform) : OperationsTests(platform), IClassFixture<SqlitePlatform>;

public sealed class OperationsTests_Postgres(PostgresPlatform platform) : OperationsTests(platform), IClassFixture<PostgresPlatform>;

/// <summary>What exists only in the demo mode must not exist in Production.</summary>
public sealed class ProductionModeTests(ProductionModeTests.ProductionPlatform platform) : IClassFixture<ProductionModeTests.ProductionPlatform>
{
    public sealed class ProductionPlatform : SqlitePlatform
    {
        protected override string Environment => "Production";

        public const string PublicHost = "beian.example.gov.cn";

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Captcha:FixedAnswer"] = "OPEN",
            ["Demo:SeedAccounts"] = "true",
            ["Platform:PublicBaseUrl"] = $"https://{PublicHost}",
            // The test client's own name, listed as a node's name would be; "*" is ignored.
            ["AllowedHosts"] = "localhost;*",
        };
    }

    [Fact]
    public async Task A_host_that_is_neither_the_public_one_nor_listed_is_refused()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAtAsync($"https://{ProductionPlatform.PublicHost}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAtAsync("http://localhost"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAtAsync("https://evil.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAtAsync($"https://{ProductionPlatform.PublicHost}.evil.example"));
    }

    private async Task<HttpStatusCode> StatusAtAsync(string baseAddress)
    {
        using var client = platform.Factory.CreateClient(new() { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        return (await client.GetAsync("/Accounts/Login")).StatusCode;
    }

    [Fact]
    public async Task Without_a_public_address_the_platform_does_not_start()
    {
        await using var unconfigured = new ProductionWithoutPublicAddress();
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await unconfigured.InitializeAsync());
        Assert.Contains("Platform:PublicBaseUrl", refused.ToString());
    }

    private sealed class ProductionWithoutPublicAddress : SqlitePlatform
    {
        protected override string Environment => "Production";
    }

    [Fact]
    public async Task Https_responses_carry_hsts_for_the_host_and_its_subdomains()
    {
        using var client = platform.Factory.CreateClient(new() { BaseAddress = new Uri($"https://{ProductionPlatform.PublicHost}") });
        var response = await client.GetAsync("/healthz");
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task There_is_no_outbox_page()
    {
        using var client = platform.NewClient();
        await client.GetAsync("/dev/outbox");
        Assert.Equal(HttpStatusCode.NotFound, client.LastResponse!.StatusCode);
    }

    [Fact]
    public async Task There_are_no_demo_accounts()
    {
        var count = await platform.ScopedAsync(services => services.GetRequiredService<BeianDbContext>().Users.CountAsync());
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task The_fixed_captcha_answer_is_ignored()
    {
        using var client = platform.NewClient();
        var applicant = Applicants.NewIdentity();
        var page = await client.GetAsync("/Accounts/Register");
        page = await client.SubmitAsync(page, "注册", new Dictionary<string, string>
        {
            ["Input.UserName"] = applicant.UserName,
            ["Input.Password"] = applicant.Password,
            ["Input.ConfirmPassword"] = applicant.Password,
            ["Input.Mobile"] = applicant.Mobile,
            ["Input.Email"] = applicant.Email,
            ["CaptchaAnswer"] = "OPEN",
        });
        Assert.Contains("验证码错误", page.FieldError("CaptchaAnswer"));
    }
}
