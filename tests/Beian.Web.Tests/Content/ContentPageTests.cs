using System.Net;
using AngleSharp.Html.Dom;
using Beian.Core.Content;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Content;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Content.ContentFlows;

namespace Beian.Web.Tests.Content;

/// <summary>
/// 通知公告, 备案须知, 政策法规, 常见问题: administrators write them at 内容管理 (SPEC §1, §11), the public
/// reads what is published, and no script written into an article reaches a visitor's page.
/// </summary>
public abstract class ContentPageTests(PlatformFixture platform)
{
    private const string Dangerous = """
        ## 办理须知

        - 第一项：注册账号
        - 第二项：信用认证

        请先阅读[备案须知](/Public/Guide)，或访问[公安部网站](https://www.mps.gov.cn)。

        <script>alert('script')</script>

        [点我领奖](javascript:alert('link'))

        <img src="x" onerror="alert('image')">

        <p onmouseover="alert('hover')">鼠标经过</p>
        """;

    [Fact]
    public async Task An_article_with_script_in_it_is_published_as_markdown_and_none_of_the_script_reaches_the_page()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var title = Unique("关于办理须知的通知");
        var form = await admin.GetAsync("/Admin/Content/Edit?kind=Notice");
        Assert.Equal("Notice", ((IHtmlSelectElement)form.QuerySelector("[name='Input.Kind']")!).Value);

        // 【预览】 shows the page as it will be, says what was taken out, and keeps what was typed.
        var preview = await admin.SubmitAsync(form, "预览", Fields(ContentKind.Notice, title, Dangerous));
        Assert.Equal("办理须知", preview.QuerySelector("#preview-body h2")!.TextContent);
        var removed = preview.QuerySelector("#preview-removed")!.TextContent;
        Assert.Contains("<script> 标签", removed);
        Assert.Contains("<img> 标签", removed);
        Assert.Contains("onmouseover 事件属性", removed);
        Assert.Contains("不安全的链接地址", removed);
        Assert.Empty(preview.QuerySelectorAll("#preview-body script, #preview-body img"));
        Assert.Equal(Dangerous, ((IHtmlTextAreaElement)preview.QuerySelector("[name='Input.Body']")!).Value);
        Assert.Null(await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.FirstOrDefaultAsync(c => c.Title == title)));

        var list = await admin.SubmitAsync(preview, "发布");
        Assert.Equal("/Admin/Content", list.PathOf());
        Assert.Contains("已发布", list.QuerySelector("#notice")!.TextContent);
        Assert.Contains("不安全内容已去除", list.QuerySelector("#notice")!.TextContent);
        var item = await ItemAsync(platform, title);
        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.Equal(Dangerous, item.BodyMarkdown);

        var visitor = platform.NewClient();
        var url = $"/Public/Notices/{item.Id}";
        var article = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
        Assert.Equal(title, article.QuerySelector("h1")!.TextContent);
        var body = article.QuerySelector("#article-body")!;
        Assert.Equal("办理须知", body.QuerySelector("h2")!.TextContent);
        Assert.Equal(["第一项：注册账号", "第二项：信用认证"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal("备案须知", body.QuerySelector("a[href='/Public/Guide']")!.TextContent);
        Assert.Equal("noopener noreferrer nofollow", body.QuerySelector("a[href='https://www.mps.gov.cn']")!.GetAttribute("rel"));
        Assert.Contains("鼠标经过", body.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, img, iframe"));

        var html = await visitor.Http.GetStringAsync(url);
        Assert.DoesNotContain("alert(", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task A_draft_is_not_public_until_published_and_leaves_again_when_unpublished()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var title = Unique("备案材料补充说明");
        var (list, item) = await WriteAsync(platform, admin, ContentKind.Guide, title, "需要准备**身份证**照片。", "保存草稿");
        Assert.Contains("保存为草稿", list.QuerySelector("#notice")!.TextContent);
        Assert.Equal(ContentStatus.Draft, item.Status);
        Assert.Equal("草稿", list.QuerySelector($"tr[data-id='{item.Id}'] .status-closed")!.TextContent);

        var visitor = platform.NewClient();
        await visitor.GetAsync($"/Public/Guide/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, visitor.LastResponse!.StatusCode);
        Assert.DoesNotContain(title, Titles(await visitor.GetAsync("/Public/Guide")));
        Assert.DoesNotContain(title, HomePanel(await visitor.GetAsync("/"), "panel-Public-Guide"));

        list = await admin.PressAsync(list, RowButton(list, item.Id, "发布"));
        Assert.Contains("已发布", list.QuerySelector("#notice")!.TextContent);
        Assert.Equal("已发布", list.QuerySelector($"tr[data-id='{item.Id}'] .status-approved")!.TextContent);

        var guide = Titles(await visitor.GetAsync("/Public/Guide"));
        // Pinned first (the seeded 办理流程), then newest first: the new one is next.
        Assert.Equal("公安联网备案办理流程", guide[0]);
        Assert.Equal(title, guide[1]);
        var home = await visitor.GetAsync("/");
        Assert.Contains(title, HomePanel(home, "panel-Public-Guide"));
        Assert.Equal("/Public/Guide", home.QuerySelector("section[aria-labelledby='panel-Public-Guide'] a.home-panel-more")!.GetAttribute("href"));
        var article = await visitor.GetAsync($"/Public/Guide/{item.Id}");
        Assert.Equal("身份证", article.QuerySelector("#article-body strong")!.TextContent);
        // An article is found only under its own 栏目.
        await visitor.GetAsync($"/Public/Faq/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, visitor.LastResponse!.StatusCode);

        list = await admin.PressAsync(list, RowButton(list, item.Id, "取消发布"));
        Assert.Contains("已取消发布", list.QuerySelector("#notice")!.TextContent);
        Assert.DoesNotContain(title, Titles(await visitor.GetAsync("/Public/Guide")));
        Assert.DoesNotContain(title, HomePanel(await visitor.GetAsync("/"), "panel-Public-Guide"));
        await visitor.GetAsync($"/Public/Guide/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, visitor.LastResponse!.StatusCode);

        // Every step is in the audit log, attributed to the administrator.
        var actions = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.ObjectType == AuditObjectTypes.ContentItem && r.ObjectId == item.Id.ToString())
            .OrderBy(r => r.Id).Select(r => new { r.Action, r.UserName, r.Detail }).ToListAsync());
        Assert.Equal([AuditActions.Create, AuditActions.Publish, AuditActions.Unpublish], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(item.AuthorName, a.UserName));
        Assert.All(actions, a => Assert.Contains(title, a.Detail));
    }

    [Fact]
    public async Task A_list_is_paged_pinned_first_then_newest_first()
    {
        platform.RequireAvailable();
        var author = new ContentAuthor("test-admin", "测试管理员");
        var titles = new List<string>();
        for (var i = 0; i < ContentQueries.PageSize + 3; i++)
        {
            var title = Unique($"政策解读{i:00}-");
            titles.Add(title);
            await platform.ScopedAsync(s => s.GetRequiredService<ContentService>().CreateAsync(
                new ContentDraft(ContentKind.Policy, title, "解读正文", Pinned: false, PublishedAtUtc: DateTime.UtcNow.AddSeconds(i)),
                publish: true, author));
        }
        var pinned = Unique("置顶政策-");
        await platform.ScopedAsync(s => s.GetRequiredService<ContentService>().CreateAsync(
            new ContentDraft(ContentKind.Policy, pinned, "置顶正文", Pinned: true, PublishedAtUtc: DateTime.UtcNow.AddYears(-1)), publish: true, author));
        var expected = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.Kind == ContentKind.Policy && c.Status == ContentStatus.Published).CountAsync());

        var visitor = platform.NewClient();
        var first = await visitor.GetAsync("/Public/Policies");
        var firstTitles = Titles(first);
        Assert.Equal(ContentQueries.PageSize, firstTitles.Count);
        Assert.Equal(pinned, firstTitles[0]);
        Assert.Equal("置顶", first.QuerySelector("#content-list li .pin-tag")!.TextContent);
        Assert.Equal(Enumerable.Reverse(titles).Take(ContentQueries.PageSize - 1), firstTitles.Skip(1));
        Assert.Contains($"共 {expected} 条", first.Text());
        Assert.Contains($"第 1 / {(expected + ContentQueries.PageSize - 1) / ContentQueries.PageSize} 页", first.Text());

        var second = Titles(await visitor.GetAsync("/Public/Policies?p=2"));
        Assert.Equal(titles.Take(4).Reverse(), second.Take(4));
        Assert.Empty(second.Intersect(firstTitles));
        // The seeded summaries are older than every one written here, so they come after them.
        Assert.Contains("中华人民共和国网络安全法", second);
        Assert.Equal(second, Titles(await visitor.GetAsync("/Public/Policies?p=99")));
    }

    [Fact]
    public async Task The_form_is_checked_on_the_server_with_chinese_messages_and_keeps_what_was_typed()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var form = await admin.GetAsync("/Admin/Content/Edit");

        var page = await admin.SubmitAsync(form, "发布", new Dictionary<string, string> { ["Input.Kind"] = "", ["Input.Title"] = " ", ["Input.Body"] = "" });
        Assert.Equal("请选择栏目", page.FieldError("Input.Kind"));
        Assert.Equal("请输入标题", page.FieldError("Input.Title"));
        Assert.Equal("请输入正文", page.FieldError("Input.Body"));
        Assert.NotNull(page.QuerySelector(".validation-summary-errors a[href='#Input_Title']"));

        var longTitle = new string('标', 101);
        var fields = Fields(ContentKind.Faq, longTitle, "<script>alert(1)</script>");
        fields["Input.PublishedAt"] = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-ddTHH:mm");
        page = await admin.SubmitAsync(page, "发布", fields);
        Assert.Equal("标题不能超过100个字", page.FieldError("Input.Title"));
        Assert.Equal("发布时间不能晚于当前时间", page.FieldError("Input.PublishedAt"));
        Assert.Equal(longTitle, ((IHtmlInputElement)page.QuerySelector("[name='Input.Title']")!).Value);
        Assert.Equal("Faq", ((IHtmlSelectElement)page.QuerySelector("[name='Input.Kind']")!).Value);

        fields = Fields(ContentKind.Faq, Unique("只有脚本"), "<script>alert(1)</script>");
        fields["Input.PublishedAt"] = "";
        page = await admin.SubmitAsync(page, "发布", fields);
        Assert.Equal("正文去除不安全的内容后为空，请填写正文", page.FieldError("Input.Body"));
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.CountAsync(c => c.Title == fields["Input.Title"])));

        // A given publication time is kept, in Beijing time.
        var dated = Unique("上线公告");
        fields = Fields(ContentKind.Notice, dated, "正文");
        fields["Input.PublishedAt"] = "2026-03-01T09:30";
        Assert.Equal("/Admin/Content", (await admin.SubmitAsync(await admin.GetAsync("/Admin/Content/Edit"), "发布", fields)).PathOf());
        var item = await ItemAsync(platform, dated);
        Assert.Equal(new DateTime(2026, 3, 1, 1, 30, 0, DateTimeKind.Utc), item.PublishedAt);
        Assert.Contains("2026-03-01 09:30", (await platform.NewClient().GetAsync($"/Public/Notices/{item.Id}")).QuerySelector(".content-meta")!.TextContent);
    }

    [Fact]
    public async Task Two_administrators_cannot_overwrite_each_other_and_a_deleted_item_is_gone_everywhere()
    {
        platform.RequireAvailable();
        var first = await AdministratorAsync(platform);
        var second = await AdministratorAsync(platform);
        var title = Unique("常见问题草稿");
        var (_, item) = await WriteAsync(platform, first, ContentKind.Faq, title, "初稿");

        var mine = await first.GetAsync($"/Admin/Content/Edit/{item.Id}");
        var theirs = await second.GetAsync($"/Admin/Content/Edit/{item.Id}");
        Assert.Equal("/Admin/Content", (await second.SubmitAsync(theirs, "保存", Fields(ContentKind.Faq, title, "第二位管理员的修改"))).PathOf());

        var refused = await first.SubmitAsync(mine, "保存", Fields(ContentKind.Faq, title, "第一位管理员的修改"));
        Assert.Contains("已被其他管理员修改", refused.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("第一位管理员的修改", ((IHtmlTextAreaElement)refused.QuerySelector("[name='Input.Body']")!).Value);
        Assert.Equal("第二位管理员的修改", (await ItemAsync(platform, title)).BodyMarkdown);

        // A list opened before the change acts on nothing either.
        var staleList = await first.GetAsync("/Admin/Content?kind=Faq");
        await second.SubmitAsync(await second.GetAsync($"/Admin/Content/Edit/{item.Id}"), "保存", Fields(ContentKind.Faq, title, "再改一次"));
        var afterStale = await first.PressAsync(staleList, RowButton(staleList, item.Id, "删除"));
        Assert.Contains("已被其他管理员修改", afterStale.QuerySelector("#problem")!.TextContent);
        Assert.Equal(ContentStatus.Published, (await ItemAsync(platform, title)).Status);

        var list = await first.PressAsync(afterStale, RowButton(afterStale, item.Id, "删除"));
        Assert.Equal("已删除。", list.QuerySelector("#notice")!.TextContent);
        Assert.Null(list.QuerySelector($"tr[data-id='{item.Id}']"));
        // A soft delete: the row stays, as 已删除, out of every list and page.
        Assert.Equal(ContentStatus.Deleted, (await ItemAsync(platform, title)).Status);
        var visitor = platform.NewClient();
        Assert.DoesNotContain(title, Titles(await visitor.GetAsync("/Public/Faq")));
        await visitor.GetAsync($"/Public/Faq/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, visitor.LastResponse!.StatusCode);
        await first.GetAsync($"/Admin/Content/Edit/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, first.LastResponse!.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_reach_content_management_or_post_to_it()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var (list, item) = await WriteAsync(platform, admin, ContentKind.Notice, Unique("仅管理员可见草稿"), "草稿正文", "保存草稿");
        var menu = list.QuerySelector("a[href='/Admin/Content']");
        Assert.Equal("内容管理", menu?.TextContent.Trim());

        var anonymous = platform.NewClient();
        var response = await anonymous.Http.GetAsync("/Admin/Content");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);

        var (applicant, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, "330106");
        foreach (var client in new[] { applicant, reviewer })
        {
            foreach (var path in new[] { "/Admin/Content", "/Admin/Content/Edit", $"/Admin/Content/Edit/{item.Id}", "/Admin/Content/Downloads", "/Admin/Content/DownloadEdit" })
            {
                var refused = await client.Http.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.StartsWith("/Accounts/AccessDenied", refused.Headers.Location!.PathAndQuery);
            }
            // Forms posted anyway, with the caller's own valid antiforgery token, change nothing.
            var token = (await client.GetAsync("/Profile/ChangePassword")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            var posts = new[]
            {
                ($"/Admin/Content?handler=Publish&id={item.Id}", new Dictionary<string, string> { ["version"] = item.Version.ToString() }),
                ($"/Admin/Content?handler=Delete&id={item.Id}", new Dictionary<string, string> { ["version"] = item.Version.ToString() }),
                ("/Admin/Content/Edit?handler=Publish", Fields(ContentKind.Notice, "越权发布的通知", "正文")),
            };
            foreach (var (url, values) in posts)
            {
                var posted = await client.PostRawAsync(url, values.Append(new("__RequestVerificationToken", token)));
                Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
                Assert.StartsWith("/Accounts/AccessDenied", posted.Headers.Location!.PathAndQuery);
            }
        }
        Assert.Equal(ContentStatus.Draft, (await ItemAsync(platform, item.Title)).Status);
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.CountAsync(c => c.Title == "越权发布的通知")));

        // The administrator's own post without a token is refused too.
        var forged = await admin.PostRawAsync($"/Admin/Content?handler=Publish&id={item.Id}", new Dictionary<string, string> { ["version"] = item.Version.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(ContentStatus.Draft, (await ItemAsync(platform, item.Title)).Status);
    }

    [Fact]
    public async Task The_administrator_filters_the_list_by_column_and_status()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var draft = Unique("筛选草稿");
        var published = Unique("筛选已发布");
        await WriteAsync(platform, admin, ContentKind.Faq, draft, "正文", "保存草稿");
        await WriteAsync(platform, admin, ContentKind.Faq, published, "正文");

        string[] TitlesOf(IHtmlDocument page) => page.QuerySelectorAll("#content-items tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim()).ToArray();
        var faqDrafts = TitlesOf(await admin.GetAsync("/Admin/Content?Kind=Faq&Status=Draft"));
        Assert.Contains(draft, faqDrafts);
        Assert.DoesNotContain(published, faqDrafts);
        var faqPublished = await admin.GetAsync("/Admin/Content?Kind=Faq&Status=Published");
        Assert.Contains(published, TitlesOf(faqPublished));
        Assert.All(faqPublished.QuerySelectorAll("#content-items tbody tr td:first-child"), td => Assert.Equal("常见问题", td.TextContent.Trim()));
        Assert.Empty(TitlesOf(await admin.GetAsync($"/Admin/Content?Kind=Notice&Keyword={draft}")));
        Assert.Equal([draft], TitlesOf(await admin.GetAsync($"/Admin/Content?Keyword={draft}")));
        foreach (var label in new[] { "栏目", "状态", "标题" })
            Assert.NotNull(faqPublished.QuerySelectorAll("form[role=search] label").FirstOrDefault(l => l.TextContent.Trim() == label));
    }

    private static List<string> HomePanel(IHtmlDocument home, string panel) =>
        home.QuerySelectorAll($"section[aria-labelledby='{panel}'] .home-list a").Select(a => a.TextContent.Trim()).ToList();
}

public sealed class ContentPageTests_Sqlite(SqlitePlatform platform) : ContentPageTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ContentPageTests_Postgres(PostgresPlatform platform) : ContentPageTests(platform), IClassFixture<PostgresPlatform>;
