using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Websites;

/// <summary>The JSON pre-check for hosting providers (/api/websites/precheck).</summary>
public abstract class PrecheckApiTests(PlatformFixture platform)
{
    private static object Filing(string name, string domain, string[] serviceTypes, bool interactive) => new
    {
        subjectNature = "Individual",
        subjectName = "陈静",
        name,
        hasIcpNumber = true,
        icpNumber = "浙ICP备12345678号-1",
        openedOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"),
        hasDomain = true,
        mainDomain = domain,
        subDomains = Array.Empty<string>(),
        ips = new[] { "203.0.113.20" },
        providesInteractiveServices = interactive,
        serviceTypes,
        publishesDangerousGoods = false,
        hasPrePermits = false,
        languages = new[] { "SimplifiedChinese" },
    };

    [Fact]
    public async Task A_clean_filing_passes_and_a_bad_one_gets_coded_findings_in_chinese()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();

        var ok = await client.Http.PostAsJsonAsync("/api/websites/precheck", Filing("陈静的摄影作品", "chenjing-photo.cn", ["Www"], false));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var passed = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(passed.GetProperty("passed").GetBoolean(), passed.ToString());

        var bad = await client.Http.PostAsJsonAsync("/api/websites/precheck", Filing("星辰科技有限公司论坛", "bbs.example.com", ["Forum"], false));
        var result = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("passed").GetBoolean());
        var codes = result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("SITE-NAME-INDIVIDUAL-ORG", codes);
        Assert.Contains("SITE-SERVICE-INTERACTIVE", codes);
        Assert.All(result.GetProperty("findings").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task The_endpoint_is_described_in_the_openapi_document()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var document = await client.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/websites/precheck", document);
        Assert.Contains("网站备案预检", document);
    }
}

public sealed class PrecheckApiTests_Sqlite(SqlitePlatform platform) : PrecheckApiTests(platform), IClassFixture<SqlitePlatform>;

public sealed class PrecheckApiTests_Postgres(PostgresPlatform platform) : PrecheckApiTests(platform), IClassFixture<PostgresPlatform>;
