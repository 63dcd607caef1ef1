using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.PublicQuery;
using Beian.Web.Tests.Websites;

namespace Beian.Web.Tests.Apps;

/// <summary>公共查询 of APPs (SPEC §5, §11): by two characters of the name and by number, on the page, the record page and the API.</summary>
public abstract class AppPublicQueryTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_filed_app_is_found_by_two_characters_of_its_name_and_by_its_number_and_a_cancelled_one_is_not()
    {
        platform.RequireAvailable();
        var mark = PublicQueryFlows.Rare();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var app = await AppFlows.ApproveAsync(platform, await AppFlows.FileAppAsync(client, await AppFlows.StepTwoAsync(client),
            AppFlows.BasicInfo(AppFlows.UniquePackage(), name: $"{mark}茶馆导览")));
        using var visitor = platform.NewClient();

        var byName = await visitor.GetAsync($"/Public/Query?scope=app&type=name&keyword={Uri.EscapeDataString(mark + "茶")}");
        Assert.Equal([app.NumberDisplay!], PublicQueryFlows.Numbers(byName));
        var card = byName.QuerySelector("#query-results")!.TextContent;
        Assert.Contains("Android", card);
        Assert.Contains("北京小米科技有限责任公司", card);
        Assert.Equal(mark + "茶", byName.QuerySelector("#query-results mark")!.TextContent);

        // A number is an APP's by its category digits, whatever 查询对象 says.
        var byNumber = await visitor.GetAsync($"/Public/Query?keyword={Uri.EscapeDataString(app.NumberDisplay!)}");
        Assert.Equal([app.NumberDisplay!], PublicQueryFlows.Numbers(byNumber));

        var record = await visitor.GetAsync($"/Public/Record/{app.NumberDigits}");
        var text = record.QuerySelector("#public-record")!.TextContent;
        Assert.Contains($"{mark}茶馆导览", text);
        Assert.Contains("杭州市公安局西湖区分局网安大队", text);
        Assert.DoesNotContain("李明", record.Text());
        Assert.DoesNotContain(Subjects.SubjectForms.PrincipalId, record.Text());

        var api = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/public/apps?name={Uri.EscapeDataString(mark)}");
        var item = Assert.Single(api.GetProperty("items").EnumerateArray());
        Assert.Equal(app.NumberDisplay, item.GetProperty("number").GetString());
        Assert.Equal("非交互式", item.GetProperty("category").GetString());
        Assert.Equal(app.NumberDisplay, (await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/public/apps/{app.NumberDigits}")).GetProperty("number").GetString());

        await AppFlows.CancelAsync(platform, client, app);
        Assert.Empty(PublicQueryFlows.Numbers(await visitor.GetAsync($"/Public/Query?scope=app&type=name&keyword={Uri.EscapeDataString(mark)}")));
        var cancelled = await visitor.GetAsync($"/Public/Record/{app.NumberDigits}");
        Assert.Contains("已注销", cancelled.QuerySelector("#public-record")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/public/apps/{app.NumberDigits}")).StatusCode);
    }

    [Fact]
    public async Task The_api_answers_bad_input_with_chinese_problems_and_is_in_the_openapi_document()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        foreach (var (url, status, detail) in new[]
                 {
                     ("/api/public/apps", HttpStatusCode.BadRequest, "请提供 name（APP名称）或 number（公安备案号）其中之一"),
                     ("/api/public/apps?name=茶&number=1", HttpStatusCode.BadRequest, "其中之一"),
                     ("/api/public/apps?number=abc", HttpStatusCode.BadRequest, "备案号"),
                     ("/api/public/apps?name=茶&page=x", HttpStatusCode.BadRequest, "page 应为正整数"),
                     ("/api/public/apps/33010603999999", HttpStatusCode.NotFound, "未查询到该公安备案号的APP备案信息"),
                 })
        {
            var response = await visitor.Http.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        var domain = await visitor.GetAsync("/Public/Query?scope=app&type=domain&keyword=example.com");
        Assert.Equal("APP请按APP名称或公安备案号查询", domain.FieldError("Keyword"));
        var document = await visitor.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/public/apps", document);
        Assert.Contains("/api/public/apps/{digits}", document);
    }
}

public sealed class AppPublicQueryTests_Sqlite(SqlitePlatform platform) : AppPublicQueryTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AppPublicQueryTests_Postgres(PostgresPlatform platform) : AppPublicQueryTests(platform), IClassFixture<PostgresPlatform>;
