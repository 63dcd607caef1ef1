using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Providers;

public abstract class ProviderApiTests(PlatformFixture platform)
{
    private sealed record ProviderItem(string Id, string Name, string ShortName, string Kind, string Scope, string Region, string RegionName);

    private async Task<List<ProviderItem>> SearchAsync(string query)
    {
        using var client = platform.NewClient();
        var response = await client.Http.GetAsync("/api/providers" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<ProviderItem>>())!;
    }

    [Fact]
    public async Task A_provider_is_found_by_part_of_its_name()
    {
        platform.RequireAvailable();
        var found = await SearchAsync("?name=" + Uri.EscapeDataString("阿里"));
        var aliyun = Assert.Single(found, provider => provider.Id == "aliyun");
        Assert.Equal("阿里云计算有限公司", aliyun.Name);
        Assert.Equal("浙江省", aliyun.RegionName);
        Assert.Equal("both", aliyun.Kind);
        Assert.DoesNotContain(found, provider => !provider.Name.Contains("阿里") && !provider.ShortName.Contains("阿里"));
    }

    [Fact]
    public async Task Providers_are_found_by_region_kind_and_scope()
    {
        platform.RequireAvailable();
        var inZhejiang = await SearchAsync("?region=330106&kind=access&scope=" + Uri.EscapeDataString("境内"));
        Assert.Contains(inZhejiang, provider => provider.Id == "aliyun");
        Assert.All(inZhejiang, provider => Assert.Equal("330000", provider.Region));
        Assert.All(inZhejiang, provider => Assert.Contains(provider.Kind, new[] { "access", "both" }));

        var inBeijing = await SearchAsync("?region=110000");
        Assert.DoesNotContain(inBeijing, provider => provider.Id == "aliyun");
        Assert.Contains(inBeijing, provider => provider.Id == "tencent-cloud");

        var overseas = await SearchAsync("?scope=" + Uri.EscapeDataString("境外"));
        Assert.NotEmpty(overseas);
        Assert.All(overseas, provider => Assert.Equal("境外", provider.Scope));
    }

    [Theory]
    [InlineData("?kind=hosting", "服务商类型无效")]
    [InlineData("?scope=abroad", "所属地区管辖无效")]
    public async Task An_unknown_kind_or_scope_is_a_400_problem_in_chinese(string query, string title)
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.GetAsync("/api/providers" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }
}

public sealed class ProviderApiTests_Sqlite(SqlitePlatform platform) : ProviderApiTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ProviderApiTests_Postgres(PostgresPlatform platform) : ProviderApiTests(platform), IClassFixture<PostgresPlatform>;
