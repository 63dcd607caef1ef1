using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Numbering;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Jobs;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.PublicQuery.PublicQueryFlows;

namespace Beian.Web.Tests.PublicQuery;

/// <summary>
/// 公共查询 (SPEC §11) as a visitor uses it, without login: by 网站名称, 域名 and 公安备案号, on the page and
/// in the API; only sites whose number is in force; no personal data.
/// </summary>
public abstract class PublicQueryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Names_are_found_by_one_or_two_characters_and_by_a_substring_in_the_middle()
    {
        platform.RequireAvailable();
        var (a, b) = (Rare(), Rare());
        var domain = NewDomain();
        var (client, first) = await FiledSiteAsync(platform, $"{a}{b}科技官方网站", domain, "m." + domain);
        var subjectId = first.SubjectId;
        var second = await FileAsync(platform, client, $"{b}{a}𠮷数码商城", NewDomain());
        using var visitor = platform.NewClient();

        var one = await NumbersAsync(visitor, "name", a);
        Assert.Equal([second.Display, first.Display], one); // newest filed first
        Assert.Equal([first.Display], await NumbersAsync(visitor, "name", a + b));
        Assert.Equal([second.Display], await NumbersAsync(visitor, "name", b + a));
        Assert.Equal([first.Display], await NumbersAsync(visitor, "name", $"{b}科技官"));
        Assert.Equal([second.Display], await NumbersAsync(visitor, "name", $"{a}𠮷数码"));
        Assert.Equal([second.Display], await NumbersAsync(visitor, "name", $"{a}𠮷"));
        // Full-width, spaces and 自动识别 make no difference; a name that is no substring finds nothing.
        Assert.Equal([first.Display], await NumbersAsync(visitor, "auto", $" {a} {b}科技 "));
        Assert.Empty(await NumbersAsync(visitor, "name", $"{a}科技"));

        var page = await QueryAsync(visitor, "name", a);
        var row = page.QuerySelectorAll("#query-results .query-result").Last().TextContent;
        foreach (var field in new[] { first.Name, first.Domain, "m." + first.Domain, "单位", "非交互式", "北京小米科技有限责任公司", first.Display,
                     "杭州市公安局西湖区分局网安大队" })
            Assert.Contains(field, row);
        var link = page.QuerySelectorAll("#query-results .query-result").Last().QuerySelector("a")!.GetAttribute("href");
        Assert.Equal($"/Public/Record/{first.Digits}", link);
        Assert.Contains("共 2 个网站", page.QuerySelector("#query-summary")!.TextContent);
        Assert.Equal(subjectId, first.SubjectId);
        // The piece typed is marked in each name; by number nothing is.
        Assert.All(page.QuerySelectorAll(".query-result-name mark"), mark => Assert.Equal(a, mark.TextContent));
        Assert.Equal(2, page.QuerySelectorAll(".query-result-name mark").Length);
        var typedLoosely = await QueryAsync(visitor, "name", $"{b}  {a}𠮷");
        Assert.Equal($"{b}{a}𠮷", typedLoosely.QuerySelector(".query-result-name mark")!.TextContent);
        var byNumber = await QueryAsync(visitor, "number", first.Display);
        Assert.Empty(byNumber.QuerySelectorAll(".query-result-name mark"));
    }

    [Fact]
    public async Task A_name_holding_every_bigram_of_the_query_but_not_the_query_is_not_found()
    {
        platform.RequireAvailable();
        var (a, b) = (Rare(), Rare());
        var (_, site) = await FiledSiteAsync(platform, $"{a}{b}乐{b}{a}网", NewDomain("bg"));
        using var visitor = platform.NewClient();

        Assert.Empty(await NumbersAsync(visitor, "name", $"{a}{b}{a}"));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "name", $"{b}乐{b}"));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "name", $"{b}{a}网"));
        await AssertNameIndexAsync(site.WebsiteId, $"{a}{b}乐{b}{a}网");
    }

    [Fact]
    public async Task A_domain_finds_its_site_by_the_main_domain_a_subdomain_a_www_form_and_a_sub_domain_listed()
    {
        platform.RequireAvailable();
        var domain = NewDomain("dm");
        var other = NewDomain("alt").Replace(".com", ".net");
        var (client, site) = await FiledSiteAsync(platform, "域名查询示范网站", domain, "m." + domain, other);
        var wwwSite = await FileAsync(platform, client, "万维网形式示范网站", "www." + NewDomain("ww"));
        using var visitor = platform.NewClient();

        foreach (var typed in new[] { domain, "www." + domain, "M." + domain.ToUpperInvariant(), $"https://m.{domain}:8443/index.html?x=1",
                     "shop.m." + domain, other, "www." + other })
            Assert.Equal([site.Display], await NumbersAsync(visitor, "domain", typed));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "auto", "http://www." + domain + "/"));
        // Filed as www.x.com, found as x.com too.
        Assert.Equal([wwwSite.Display], await NumbersAsync(visitor, "domain", wwwSite.Domain["www.".Length..]));
        Assert.Empty(await NumbersAsync(visitor, "domain", NewDomain("none")));
        Assert.Empty(await NumbersAsync(visitor, "domain", "x" + domain));
    }

    [Fact]
    public async Task A_number_is_found_with_or_without_its_prefix_spaces_or_号_and_a_claimed_12_digit_number_too()
    {
        platform.RequireAvailable();
        var (client, site) = await FiledSiteAsync(platform, "备案号查询示范网站", NewDomain("no"));
        using var visitor = platform.NewClient();
        foreach (var typed in new[] { site.Display, site.Digits, $"浙公网安备 {site.Digits}", $"{site.Digits}号", $"浙 公网安备 {site.Digits} 号" })
            Assert.Equal([site.Display], await NumbersAsync(visitor, "number", typed));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "auto", site.Digits));

        var legacy = PublicSecurityNumber.Parse("330106" + Random.Shared.Next(100000, 999999));
        var claimed = await ClaimAsync(client, legacy);
        Assert.Equal(12, legacy.Digits.Length);
        Assert.Equal([legacy.Display], await NumbersAsync(visitor, "number", legacy.Display));
        Assert.Equal([legacy.Display], await NumbersAsync(visitor, "number", legacy.Digits));
        var record = await visitor.GetAsync($"/Public/Record/{legacy.Digits}");
        Assert.Contains(claimed, record.QuerySelector("#public-record")!.TextContent);

        Assert.Empty(await NumbersAsync(visitor, "number", "浙公网安备33010602999998号"));
    }

    [Fact]
    public async Task A_malformed_number_or_domain_is_told_next_to_the_field_and_an_empty_result_says_so()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var cases = new (string Type, string Keyword, string Message)[]
        {
            ("number", "浙公网安备3301060200001号", "备案号应为14位数字（旧备案号为12位）"),
            ("number", "沪公网安备33010602000001号", "备案号的省份简称与地区码不符"),
            ("number", "京ICP备10046444号", "这是ICP备案号，请输入公安备案号"),
            ("domain", "exa mple.com", "域名中不能含有空格"),
            ("domain", "203.0.113.10", "公共查询不支持按IP地址查询"),
            ("domain", "com.cn", "是公共后缀"),
            ("name", new string('网', 51), "网站名称最多50个字"),
        };
        foreach (var (type, keyword, message) in cases)
        {
            var page = await QueryAsync(visitor, type, keyword);
            Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
            Assert.Contains(message, page.FieldError("Keyword"));
            Assert.Contains(message, page.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal("请修改以下问题后再查询：", page.QuerySelector(".validation-summary-title")?.TextContent.Trim());
            Assert.Null(page.QuerySelector("#query-results"));
        }

        var none = await QueryAsync(visitor, "name", Rare() + Rare());
        Assert.Equal("未查询到备案信息。没有查询到的网站为未备案网站。", none.QuerySelector("#no-results")!.TextContent);
        Assert.Contains("共 0 个网站", none.QuerySelector("#query-summary")!.TextContent);

        // The empty form, from the menu: nothing is queried and nothing is wrong.
        var form = await visitor.GetAsync("/Public/Query");
        Assert.Null(form.QuerySelector(".validation-summary-errors"));
        Assert.Null(form.QuerySelector("#query-summary"));
        Assert.NotNull(form.QuerySelector("label[for='Keyword']"));
        // Odd page numbers and types never fail.
        await visitor.GetAsync("/Public/Query?type=nonsense&keyword=abc&p=x");
        Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
    }

    [Fact]
    public async Task Only_sites_whose_number_is_in_force_are_found()
    {
        platform.RequireAvailable();
        var mark = Rare() + Rare();
        var (client, cancelled) = await FiledSiteAsync(platform, $"{mark}注销示范网站", NewDomain("cx"));

        // A returned new site never had a number.
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var returnedDomain = NewDomain("rt");
        var detail = await WebsiteFlows.FileWebsiteAsync(client, returnedDomain, step2, BasicInfo($"{mark}退回示范网站", returnedDomain));
        var returned = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ReturnAsync(
            Guid.Parse(new Uri(detail.Url).Segments[^1]), "reviewer", [new ReturnReason("BasicInfo.Name", "网站名称", "请填写网站的真实名称")]));
        Assert.True(returned.Succeeded, returned.Error);

        using var visitor = platform.NewClient();
        Assert.Equal([cancelled.Display], await NumbersAsync(visitor, "name", mark));
        Assert.Empty(await NumbersAsync(visitor, "domain", returnedDomain));

        // 注销中: the number is still in force until the cancellation is approved.
        var cancellation = await SubmitCancellationAsync(platform, cancelled.WebsiteId);
        Assert.Equal([cancelled.Display], await NumbersAsync(visitor, "domain", cancelled.Domain));
        await ApproveApplicationAsync(platform, cancellation);
        Assert.Empty(await NumbersAsync(visitor, "name", mark));
        Assert.Empty(await NumbersAsync(visitor, "domain", cancelled.Domain));
        Assert.Empty(await NumbersAsync(visitor, "number", cancelled.Digits));
        Assert.Empty(ApiNumbers(await ApiAsync(visitor, "number=" + cancelled.Digits)));
        var record = await visitor.GetAsync($"/Public/Record/{cancelled.Digits}");
        Assert.Contains("已注销", record.QuerySelector("#public-record")!.TextContent);
        Assert.Equal(0, await InDatabaseAsync(platform, s => s.GetRequiredService<BeianDbContext>().Set<PublicWebsiteDomain>()
            .CountAsync(d => d.WebsiteId == cancelled.WebsiteId)));
    }

    [Fact]
    public async Task Cancelling_the_subject_removes_its_sites_from_the_query()
    {
        platform.RequireAvailable();
        var mark = Rare() + Rare();
        var (client, site) = await FiledSiteAsync(platform, $"{mark}主体注销示范站", NewDomain("sc"));
        var other = await FileAsync(platform, client, $"{mark}主体注销第二个", NewDomain("sc"));
        using var visitor = platform.NewClient();
        Assert.Equal([other.Display, site.Display], await NumbersAsync(visitor, "name", mark));

        var cancellation = await platform.ScopedAsync(async s =>
        {
            var subject = await s.GetRequiredService<BeianDbContext>().Subjects.AsNoTracking().SingleAsync(x => x.Id == site.SubjectId);
            return await s.GetRequiredService<SubjectService>().SubmitCancellationAsync(subject.OwnerUserId, subject.Id,
                new CancellationRequest { PrincipalName = "李明", Reason = "公司业务调整" }, Guid.NewGuid());
        });
        Assert.True(cancellation.Succeeded, cancellation.Error);
        await ApproveApplicationAsync(platform, cancellation.Application!.Id);
        Assert.Empty(await NumbersAsync(visitor, "name", mark));
        Assert.Empty(await NumbersAsync(visitor, "domain", site.Domain));
        await AssertNameIndexAsync(site.WebsiteId, null);
        await AssertNameIndexAsync(other.WebsiteId, null);
        var markGram = Beian.Core.PublicQuery.NameGrams.Code(mark);
        Assert.False(await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PublicWebsiteGrams.AnyAsync(g => g.Gram == markGram)));
    }

    [Fact]
    public async Task An_individual_holder_is_masked_and_no_personal_data_reaches_the_page_or_the_api()
    {
        platform.RequireAvailable();
        var mobile = SubjectForms.UniqueMobile();
        const string idNumber = "330106199003071236";
        var (client, subjectId) = await ApprovedIndividualAsync(platform, Individual("陈静", idNumber, mobile));
        var mark = Rare() + Rare();
        var site = await FileAsync(platform, client, $"{mark}摄影作品集", NewDomain("pd"));
        var organisation = (await FiledSiteAsync(platform, $"{mark}单位网站", NewDomain("pd"))).Site;
        using var visitor = platform.NewClient();

        var page = await QueryAsync(visitor, "name", mark);
        var rows = page.QuerySelectorAll("#query-results .query-result").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("陈*", rows[1]);
        Assert.Contains("个人", rows[1]);
        Assert.Contains("北京小米科技有限责任公司", rows[0]);
        var api = await visitor.Http.GetStringAsync("/api/public/websites?name=" + Uri.EscapeDataString(mark));
        var record = (await visitor.GetAsync($"/Public/Record/{site.Digits}")).Text();
        var byNumber = await visitor.Http.GetStringAsync($"/api/public/websites/{organisation.Digits}");
        Assert.Contains("陈*", api);
        Assert.Contains("陈*", record);
        foreach (var text in new[] { page.Text(), api, record, byNumber })
        {
            foreach (var secret in new[] { "陈静", idNumber, mobile, "chenjing@example.com", SubjectForms.PrincipalId, "李明", SubjectForms.CreditCode,
                         SubjectForms.PrincipalMobile, "liming@example.com", "文三路", "203.0.113.10" })
                Assert.DoesNotContain(secret, text);
        }
        Assert.Equal(subjectId, site.SubjectId);
    }

    [Fact]
    public async Task A_renamed_holder_and_a_renamed_site_show_their_new_names()
    {
        platform.RequireAvailable();
        var mark = Rare() + Rare();
        var (client, site) = await FiledSiteAsync(platform, $"{mark}改名前网站", NewDomain("rn"));
        using var visitor = platform.NewClient();

        var change = await platform.ScopedAsync(async s =>
        {
            var subjects = s.GetRequiredService<SubjectService>();
            var subject = await s.GetRequiredService<BeianDbContext>().Subjects.AsNoTracking().SingleAsync(x => x.Id == site.SubjectId);
            var form = subjects.Read(subject);
            form.Organisation.Name = "北京小米移动软件有限公司";
            return await subjects.SubmitChangeAsync(subject.OwnerUserId, subject.Id, form, [], Guid.NewGuid());
        });
        Assert.True(change.Succeeded, change.Error);
        Assert.Contains("北京小米科技有限责任公司", (await QueryAsync(visitor, "number", site.Digits)).QuerySelector("#query-results")!.TextContent);
        await ApproveApplicationAsync(platform, change.Application!.Id);
        var renamed = (await QueryAsync(visitor, "number", site.Digits)).QuerySelector("#query-results")!.TextContent;
        Assert.Contains("北京小米移动软件有限公司", renamed);
        Assert.DoesNotContain("北京小米科技有限责任公司", renamed);

        // 变更网站: the new name is found, the old one no more; the domains stay.
        var form = await client.GetAsync($"/Websites/Change?id={site.WebsiteId}");
        var detail = await client.SubmitAsync(form, "提交", new Dictionary<string, string> { ["BasicInfo.Name"] = $"{mark}改名后网站" });
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Equal([site.Display], await NumbersAsync(visitor, "name", $"{mark}改名前")); // 变更中: as filed until approved
        await WebsiteFlows.ApproveAsync(platform, detail);
        Assert.Empty(await NumbersAsync(visitor, "name", $"{mark}改名前"));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "name", $"{mark}改名后"));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "domain", "www." + site.Domain));
        await AssertNameIndexAsync(site.WebsiteId, $"{mark}改名后网站");
    }

    [Fact]
    public async Task The_common_grams_are_recounted_from_the_name_index_from_the_threshold_on()
    {
        platform.RequireAvailable();
        var (common, rare) = (Beian.Core.PublicQuery.NameGrams.Code(Rare() + Rare()), Beian.Core.PublicQuery.NameGrams.Code(Rare() + Rare()));
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            db.PublicWebsiteGrams.AddRange(Enumerable.Range(0, CommonGrams.Threshold).Select(i =>
                new PublicWebsiteGram { Gram = common, FilingOrder = int.MaxValue - i }));
            db.PublicWebsiteGrams.AddRange(Enumerable.Range(0, CommonGrams.Threshold - 1).Select(i =>
                new PublicWebsiteGram { Gram = rare, FilingOrder = int.MaxValue - i }));
            return await db.SaveChangesAsync();
        });

        // The node's own recount may hold the lease for a moment (it runs when the node starts).
        var recounted = false;
        for (var attempt = 0; attempt < 50 && !recounted; attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            recounted = await platform.ScopedAsync(s => s.GetRequiredService<CommonGrams>().RecountAsync(JobLeases.NewHolder(), CancellationToken.None));
        }
        Assert.True(recounted);
        var counted = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().CommonGrams.AsNoTracking()
            .Where(g => g.Gram == common || g.Gram == rare).ToListAsync());
        Assert.Equal([(common, CommonGrams.Threshold)], counted.Select(g => (g.Gram, g.Count)));

        await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PublicWebsiteGrams
            .Where(g => g.Gram == common || g.Gram == rare).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task A_long_query_stops_at_its_recheck_budget_and_says_there_may_be_more()
    {
        platform.RequireAvailable();
        var (a, b, c) = (Rare(), Rare(), Rare());
        // Newest first: two names holding both bigrams of the query but not the query, then the one holding it.
        var (client, holder) = await FiledSiteAsync(platform, $"{a}{b}{c}站", NewDomain("bd"));
        await FileAsync(platform, client, $"{a}{b}乙{b}{c}站", NewDomain("bd"));
        await FileAsync(platform, client, $"{a}{b}丙{b}{c}站", NewDomain("bd"));
        var queries = new PublicWebsiteQueries(platform.Services.GetRequiredService<Beian.Web.Data.ReadConnections>(),
            Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
                new Microsoft.Extensions.Configuration.ConfigurationBuilder(),
                new Dictionary<string, string?> { ["PublicQuery:RecheckBudget"] = "2" }).Build());
        var key = Beian.Core.PublicQuery.NameGrams.Normalize($"{a}{b}{c}");

        var within = await queries.ByNameAsync(key, 0, 10, CancellationToken.None);
        Assert.Empty(within.Rows);
        Assert.True(within.TooMany);
        var page = (await new PublicSearch(queries).RunAsync(Beian.Core.PublicQuery.PublicSearchKind.Name, $"{a}{b}{c}", 1, CancellationToken.None)).Result!;
        Assert.True(page.Incomplete); // the page says 结果可能不全, not 未备案
        Assert.True(page.TooMany);
        var full = await platform.Services.GetRequiredService<PublicWebsiteQueries>()
            .ByNameAsync(key, 0, 10, CancellationToken.None);
        Assert.Equal([holder.Digits], full.Rows.Select(r => r.NumberDigits));
        Assert.False(full.TooMany);
    }

    /// <summary>
    /// The name index holds exactly the grams of the site's public name under its place in filing order (the site no
    /// public row once it is gone: its grams' absence is checked by the test, which knows its name).
    /// </summary>
    private async Task AssertNameIndexAsync(Guid websiteId, string? name)
    {
        var (row, grams) = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var row = await db.PublicWebsites.AsNoTracking().SingleOrDefaultAsync(p => p.WebsiteId == websiteId);
            var held = row == null ? [] : await db.PublicWebsiteGrams.AsNoTracking().Where(g => g.FilingOrder == row.FilingOrder).ToListAsync();
            return (row, held);
        });
        if (name == null)
        {
            Assert.Null(row);
            return;
        }
        Assert.NotNull(row);
        var expected = Beian.Core.PublicQuery.NameGrams.CodesOf(Beian.Core.PublicQuery.NameGrams.Normalize(name));
        Assert.Equal(expected.Order(), grams.Select(g => g.Gram).Order());
    }

    [Fact]
    public async Task The_api_answers_the_same_fields_and_chinese_problems_for_bad_input()
    {
        platform.RequireAvailable();
        var mark = Rare() + Rare();
        var domain = NewDomain("api");
        var (_, site) = await FiledSiteAsync(platform, $"{mark}接口示范网站", domain, "m." + domain);
        using var visitor = platform.NewClient();

        var result = await ApiAsync(visitor, "name=" + Uri.EscapeDataString(mark));
        Assert.Equal("Name", result.GetProperty("kind").GetString());
        Assert.Equal(1, result.GetProperty("total").GetInt32());
        Assert.False(result.GetProperty("tooMany").GetBoolean());
        var item = result.GetProperty("items")[0];
        Assert.Equal(site.Name, item.GetProperty("name").GetString());
        Assert.Equal(site.Domain, item.GetProperty("mainDomain").GetString());
        Assert.Equal(["m." + site.Domain], item.GetProperty("subDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("单位", item.GetProperty("subjectNature").GetString());
        Assert.Equal("非交互式", item.GetProperty("websiteCategory").GetString());
        Assert.Equal("北京小米科技有限责任公司", item.GetProperty("holderName").GetString());
        Assert.Equal(site.Display, item.GetProperty("number").GetString());
        Assert.Equal(site.Digits, item.GetProperty("numberDigits").GetString());
        Assert.Equal("杭州市公安局西湖区分局网安大队", item.GetProperty("policeUnit").GetString());
        Assert.EndsWith("+08:00", item.GetProperty("filedAt").GetString());
        Assert.Equal($"/Public/Record/{site.Digits}", item.GetProperty("recordUrl").GetString());
        Assert.Equal(
            item.EnumerateObject().Select(p => p.Name).Order(),
            new[] { "name", "mainDomain", "subDomains", "subjectNature", "websiteCategory", "holderName", "number", "numberDigits", "policeUnit", "filedAt", "recordUrl" }.Order());

        Assert.Equal([site.Display], ApiNumbers(await ApiAsync(visitor, "domain=" + Uri.EscapeDataString("https://www." + site.Domain + "/a"))));
        Assert.Equal([site.Display], ApiNumbers(await ApiAsync(visitor, "number=" + Uri.EscapeDataString(site.Display))));
        var byNumber = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/public/websites/{site.Digits}");
        Assert.Equal(site.Name, byNumber.GetProperty("name").GetString());

        var problems = new (string Url, HttpStatusCode Status, string Detail)[]
        {
            ("/api/public/websites", HttpStatusCode.BadRequest, "请提供 name（网站名称）、domain（域名）或 number（公安备案号）其中之一"),
            ("/api/public/websites?name=a&domain=b.com", HttpStatusCode.BadRequest, "其中之一"),
            ("/api/public/websites?name=%20%E3%80%80", HttpStatusCode.BadRequest, "请输入网站名称"),
            ("/api/public/websites?number=123", HttpStatusCode.BadRequest, "备案号应为14位数字（旧备案号为12位）"),
            ("/api/public/websites?domain=" + Uri.EscapeDataString("http://[::1]/"), HttpStatusCode.BadRequest, "公共查询不支持按IP地址查询"),
            ("/api/public/websites?name=" + mark + "&page=0", HttpStatusCode.BadRequest, "page 应为正整数"),
            ("/api/public/websites/abc", HttpStatusCode.BadRequest, "备案号只能包含数字"),
            ("/api/public/websites/33010602999997", HttpStatusCode.NotFound, "未查询到该公安备案号的备案信息"),
        };
        foreach (var (url, status, detail) in problems)
        {
            var response = await visitor.Http.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(detail, problem.GetProperty("detail").GetString());
        }

        var document = await visitor.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/public/websites", document);
        Assert.Contains("/api/public/websites/{digits}", document);
    }

    [Fact]
    public async Task A_common_character_is_paged_and_capped_at_the_newest_matches()
    {
        platform.RequireAvailable();
        var mark = Rare();
        var (client, site) = await FiledSiteAsync(platform, $"{mark}分页示范网站", NewDomain("pg"));
        // Volume through the projection itself: 520 more sites holding the character, filed one minute apart.
        var started = DateTime.UtcNow;
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var projection = s.GetRequiredService<PublicWebsiteProjection>();
            var template = await db.Websites.AsNoTracking().SingleAsync(w => w.Id == site.WebsiteId);
            var form = s.GetRequiredService<Beian.Web.Features.Websites.WebsiteService>().Read(template);
            for (var i = 0; i < 520; i++)
            {
                var filed = new Beian.Web.Features.Filing.RecordStep("test", started.AddMinutes(i + 1), "测试数据");
                var website = Beian.Web.Features.Websites.Website.NewPending(template.SubjectId, template.OwnerUserId, filed);
                website.Name = $"网站{mark}{i:000}";
                website.MainDomain = $"v{i}-{site.Domain}";
                website.JurisdictionUnitCode = template.JurisdictionUnitCode;
                website.File($"330106029{i:00000}", $"浙公网安备330106029{i:00000}号", filed);
                await projection.AddAsync(website, form, CancellationToken.None);
            }
            return await db.SaveChangesAsync();
        });
        using var visitor = platform.NewClient();

        var first = await QueryAsync(visitor, "name", mark);
        Assert.Equal(10, Numbers(first).Count);
        Assert.Equal("浙公网安备33010602900519号", Numbers(first)[0]);
        Assert.Contains("500+", first.QuerySelector("#result-total")!.TextContent);
        Assert.Contains("请输入更完整的网站名称", first.QuerySelector("#too-many")!.TextContent);
        Assert.Contains("第 1 / 50 页", first.QuerySelector(".pagination")!.TextContent);

        var last = await QueryAsync(visitor, "name", mark, page: 50);
        Assert.Equal("浙公网安备33010602900020号", Numbers(last)[^1]);
        var beyond = await QueryAsync(visitor, "name", mark, page: 51);
        Assert.Contains("第 50 / 50 页", beyond.QuerySelector(".pagination")!.TextContent);

        var narrower = await ApiAsync(visitor, "name=" + Uri.EscapeDataString($"{mark}00") + "&page=1");
        Assert.Equal(10, narrower.GetProperty("total").GetInt32()); // 网站X000 … 网站X009
        Assert.False(narrower.GetProperty("tooMany").GetBoolean());
    }

    [Fact]
    public async Task The_backfill_adds_filed_sites_missing_from_the_public_tables_and_only_those()
    {
        platform.RequireAvailable();
        var mark = Rare() + Rare();
        var domain = NewDomain("bf");
        var (_, site) = await FiledSiteAsync(platform, $"{mark}补录示范网站", domain, "m." + domain);
        // As before the public tables existed: neither the row nor its name grams.
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var place = await db.PublicWebsites.Where(p => p.WebsiteId == site.WebsiteId).Select(p => p.FilingOrder).SingleAsync();
            await db.PublicWebsiteGrams.Where(g => g.FilingOrder == place).ExecuteDeleteAsync();
            return await db.PublicWebsites.Where(p => p.WebsiteId == site.WebsiteId).ExecuteDeleteAsync();
        });
        using var visitor = platform.NewClient();
        Assert.Empty(await NumbersAsync(visitor, "domain", site.Domain));

        Assert.True(await platform.ScopedAsync(s => s.GetRequiredService<PublicWebsiteBackfill>().RunAsync(JobLeases.NewHolder(), CancellationToken.None)) >= 1);
        Assert.Equal([site.Display], await NumbersAsync(visitor, "domain", "m." + site.Domain));
        Assert.Equal([site.Display], await NumbersAsync(visitor, "name", mark));
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<PublicWebsiteBackfill>().RunAsync(JobLeases.NewHolder(), CancellationToken.None)));
        await AssertNameIndexAsync(site.WebsiteId, $"{mark}补录示范网站");
    }

    [Fact]
    public async Task Once_a_run_finds_nothing_missing_the_next_reads_only_the_sites_filed_since_and_all_again_without_its_checkpoint()
    {
        platform.RequireAvailable();
        var domain = NewDomain("cp");
        var (_, site) = await FiledSiteAsync(platform, $"{Rare()}{Rare()}检查点示范网站", domain);
        var longAgo = DateTime.UtcNow.AddYears(-2);
        // A site filed two years ago that lost its public row (as before the public tables existed).
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            await db.Websites.Where(w => w.Id == site.WebsiteId).ExecuteUpdateAsync(u => u.SetProperty(w => w.FiledAt, longAgo));
            var place = await db.PublicWebsites.Where(p => p.WebsiteId == site.WebsiteId).Select(p => p.FilingOrder).SingleAsync();
            await db.PublicWebsiteGrams.Where(g => g.FilingOrder == place).ExecuteDeleteAsync();
            return await db.PublicWebsites.Where(p => p.WebsiteId == site.WebsiteId).ExecuteDeleteAsync();
        });
        using var visitor = platform.NewClient();

        // Checked through yesterday: the start reads the sites filed since then (less the overlap), not this one.
        await platform.ScopedAsync(async s =>
        {
            await s.GetRequiredService<BackfillCheckpoints>().MoveAsync(PublicWebsiteBackfill.LeaseName, DateTime.UtcNow.AddDays(-1), CancellationToken.None);
            return true;
        });
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<PublicWebsiteBackfill>().RunAsync(JobLeases.NewHolder(), CancellationToken.None)));
        Assert.Empty(await NumbersAsync(visitor, "domain", domain));
        var moved = await CheckedThroughAsync();
        Assert.InRange(moved, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

        // Without its checkpoint the next start checks every site, and sets it again.
        await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().BackfillCheckpoints
            .Where(c => c.Name == PublicWebsiteBackfill.LeaseName).ExecuteDeleteAsync());
        Assert.True(await platform.ScopedAsync(s => s.GetRequiredService<PublicWebsiteBackfill>().RunAsync(JobLeases.NewHolder(), CancellationToken.None)) >= 1);
        Assert.Equal([site.Display], await NumbersAsync(visitor, "domain", domain));
        Assert.True(await CheckedThroughAsync() >= moved);

        Task<DateTime> CheckedThroughAsync() => platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().BackfillCheckpoints.AsNoTracking()
            .Where(c => c.Name == PublicWebsiteBackfill.LeaseName).Select(c => c.CheckedThrough).SingleAsync());
    }

    [Fact]
    public async Task The_home_page_search_box_and_the_menu_lead_to_the_query()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var home = await visitor.GetAsync("/");
        var menu = home.QuerySelectorAll(".site-nav-link").Single(a => a.TextContent == "公共查询");
        Assert.Equal("/Public/Query", menu.GetAttribute("href"));
        var form = home.QuerySelector("form.home-search")!;
        Assert.Equal("/Public/Query", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("select[name='type'] option[value='number']"));
        Assert.NotNull(form.QuerySelector("input[name='keyword']"));
        var result = await visitor.GetAsync("/Public/Query?type=number&keyword=" + Uri.EscapeDataString("京公网安备 110105 02 999996"));
        Assert.NotNull(result.QuerySelector("#no-results"));
        Assert.Equal("number", result.QuerySelector("#type option[selected]")!.GetAttribute("value"));
        Assert.Equal("京公网安备 110105 02 999996", result.QuerySelector("#Keyword")!.GetAttribute("value"));
    }

    private async Task<string> ClaimAsync(PlatformClient client, PublicSecurityNumber number)
    {
        var domain = NewDomain("old");
        var filingId = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var filing = new OfflineFiling
            {
                Id = Guid.NewGuid(), NumberDigits = number.Digits, NumberDisplay = number.Display, SiteName = "老网站",
                DomainsText = domain, SubjectName = "北京小米科技有限责任公司", CertificateHash = "x", FiledOn = new DateOnly(2012, 5, 1),
                ImportedByUnitCode = "330106", ImportedAt = DateTime.UtcNow, Status = OfflineFilingStatus.Pending,
            };
            db.Set<OfflineFiling>().Add(filing);
            await db.SaveChangesAsync();
            return filing.Id;
        });
        var step2 = await client.SubmitAsync(await client.GetAsync($"/Websites/New?claim={filingId}"), "下一步");
        var name = $"{Rare()}{Rare()}老网站";
        var detail = await WebsiteFlows.FileWebsiteAsync(client, domain, step2, BasicInfo(name, domain));
        var (_, display) = await WebsiteFlows.ApproveAsync(platform, detail);
        Assert.Equal(number.Display, display);
        return name;
    }
}

public sealed class PublicQueryTests_Sqlite(SqlitePlatform platform) : PublicQueryTests(platform), IClassFixture<SqlitePlatform>;

public sealed class PublicQueryTests_Postgres(PostgresPlatform platform) : PublicQueryTests(platform), IClassFixture<PostgresPlatform>;
