using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.PublicQuery;
using Beian.Web.Tests.Websites;

namespace Beian.Web.Tests.MiniPrograms;

/// <summary>公共查询 of 小程序 (SPEC §5, §11): by two characters of the name and by number, apart from APPs of the same name, on the page, the record page and the API.</summary>
public abstract class MiniProgramPublicQueryTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_filed_mini_program_is_found_by_two_characters_of_its_name_and_by_its_number_and_not_among_apps()
    {
        platform.RequireAvailable();
        var mark = PublicQueryFlows.Rare();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var miniProgram = await MiniProgramFlows.ApproveAsync(platform,
            await MiniProgramFlows.FileAsync(client, MiniProgramFlows.BasicInfo(MiniProgramFlows.UniqueWeChatId(), name: $"{mark}茶馆导览")));
        var app = await Apps.AppFlows.ApproveAsync(platform, await Apps.AppFlows.FileAppAsync(client, await Apps.AppFlows.StepTwoAsync(client),
            Apps.AppFlows.BasicInfo(Apps.AppFlows.UniquePackage(), name: $"{mark}茶馆导览")));
        using var visitor = platform.NewClient();

        var byName = await visitor.GetAsync($"/Public/Query?scope=miniprogram&type=name&keyword={Uri.EscapeDataString(mark + "茶")}");
        Assert.Equal([miniProgram.NumberDisplay!], PublicQueryFlows.Numbers(byName));
        Assert.Contains("微信", byName.QuerySelector("#query-results")!.TextContent);
        Assert.Contains("小程序类别", byName.QuerySelector("#query-results")!.TextContent);
        Assert.Equal([app.NumberDisplay!], PublicQueryFlows.Numbers(
            await visitor.GetAsync($"/Public/Query?scope=app&type=name&keyword={Uri.EscapeDataString(mark + "茶")}")));

        // A number is a 小程序's by its category digits, whatever 查询对象 says.
        Assert.Equal([miniProgram.NumberDisplay!], PublicQueryFlows.Numbers(
            await visitor.GetAsync($"/Public/Query?scope=app&keyword={Uri.EscapeDataString(miniProgram.NumberDisplay!)}")));

        var record = await visitor.GetAsync($"/Public/Record/{miniProgram.NumberDigits}");
        Assert.Equal("小程序备案信息", record.QuerySelector("h1")!.TextContent);
        Assert.Contains($"{mark}茶馆导览", record.QuerySelector("#public-record")!.TextContent);
        Assert.DoesNotContain("李明", record.Text());

        var api = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/public/miniprograms?name={Uri.EscapeDataString(mark)}");
        var item = Assert.Single(api.GetProperty("items").EnumerateArray());
        Assert.Equal(miniProgram.NumberDisplay, item.GetProperty("number").GetString());
        Assert.Equal("微信", item.GetProperty("platforms").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/public/apps/{miniProgram.NumberDigits}")).StatusCode);

        await MiniProgramFlows.CancelAsync(platform, client, miniProgram);
        Assert.Empty(PublicQueryFlows.Numbers(await visitor.GetAsync($"/Public/Query?scope=miniprogram&type=name&keyword={Uri.EscapeDataString(mark)}")));
        Assert.Contains("已注销", (await visitor.GetAsync($"/Public/Record/{miniProgram.NumberDigits}")).QuerySelector("#public-record")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/public/miniprograms/{miniProgram.NumberDigits}")).StatusCode);
    }

    [Fact]
    public async Task The_api_answers_bad_input_with_chinese_problems_and_is_in_the_openapi_document()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var missing = await visitor.Http.GetAsync("/api/public/miniprograms");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请提供 name（小程序名称）或 number（公安备案号）其中之一", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var unknown = await visitor.Http.GetAsync("/api/public/miniprograms/33010604999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("未查询到该公安备案号的小程序备案信息", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var domain = await visitor.GetAsync("/Public/Query?scope=miniprogram&type=domain&keyword=example.com");
        Assert.Equal("小程序请按小程序名称或公安备案号查询", domain.FieldError("Keyword"));
        var document = await visitor.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/public/miniprograms", document);
        Assert.Contains("/api/public/miniprograms/{digits}", document);
    }
}

public sealed class MiniProgramPublicQueryTests_Sqlite(SqlitePlatform platform) : MiniProgramPublicQueryTests(platform), IClassFixture<SqlitePlatform>;

public sealed class MiniProgramPublicQueryTests_Postgres(PostgresPlatform platform) : MiniProgramPublicQueryTests(platform), IClassFixture<PostgresPlatform>;
