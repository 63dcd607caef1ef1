using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Regions;

public abstract class RegionApiTests(PlatformFixture platform)
{
    private sealed record RegionItem(string Code, string Name, bool IsDevelopmentZone);

    [Fact]
    public async Task The_provinces_are_listed_and_cacheable()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.GetAsync("/api/regions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        var provinces = await response.Content.ReadFromJsonAsync<List<RegionItem>>();
        Assert.True(provinces!.Count >= 31, $"only {provinces.Count} provinces");
        Assert.Contains(new RegionItem("330000", "浙江省", false), provinces);
    }

    [Fact]
    public async Task The_counties_of_a_city_are_its_children()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.GetAsync("/api/regions/330100/children");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        var counties = await response.Content.ReadFromJsonAsync<List<RegionItem>>();
        Assert.Contains(new RegionItem("330106", "西湖区", false), counties!);
        Assert.DoesNotContain(counties!, county => county.Code == "320102");
    }

    [Fact]
    public async Task A_city_without_counties_has_no_children()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var counties = await client.Http.GetFromJsonAsync<List<RegionItem>>("/api/regions/441900/children");
        Assert.Empty(counties!);
    }

    [Fact]
    public async Task An_unknown_code_is_a_404_problem_in_chinese()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.GetAsync("/api/regions/999999/children");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("行政区划不存在", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_region_and_provider_endpoints()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        using var document = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Contains("行政区", paths.GetProperty("/api/regions").GetProperty("get").GetProperty("summary").GetString());
        Assert.True(paths.GetProperty("/api/regions/{code}/children").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/providers").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
    }
}

public sealed class RegionApiTests_Sqlite(SqlitePlatform platform) : RegionApiTests(platform), IClassFixture<SqlitePlatform>;

public sealed class RegionApiTests_Postgres(PostgresPlatform platform) : RegionApiTests(platform), IClassFixture<PostgresPlatform>;
