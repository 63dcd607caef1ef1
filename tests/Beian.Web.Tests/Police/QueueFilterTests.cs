using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police;
using Beian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>待审核申请's filters: 提交日期, 仅显示我正在审核的 and the sort, each on the whole filtered set.</summary>
public abstract class QueueFilterTests(PlatformFixture platform)
{
    private const string Unit = "330113";
    /// <summary>A county of its own for the test that seeds beside the one counting exactly its applications in <see cref="Unit"/>.</summary>
    private const string ErrorsUnit = "330114";

    [Fact]
    public async Task Dates_mine_and_the_sort_select_exactly_their_applications()
    {
        platform.RequireAvailable();
        var now = DateTime.UtcNow;
        var old = await SeededApplications.SubmitAsync(platform, Unit, BusinessType.NewWebsite, now.AddDays(-10));
        var recent = await SeededApplications.SubmitAsync(platform, Unit, BusinessType.ChangeWebsite, now.AddDays(-2));
        var today = await SeededApplications.SubmitAsync(platform, Unit, BusinessType.NewWebsite, now.AddMinutes(-5));
        var (reviewer, officer) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Unit);
        await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ClaimAsync(recent.Id, officer.UserId));

        var from = DateTime.UtcNow.AddHours(8).AddDays(-3).ToString("yyyy-MM-dd");
        Assert.Equal([recent.Number, today.Number], await NumbersAsync(reviewer, $"?from={from}"));
        var to = DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Equal([old.Number, recent.Number], await NumbersAsync(reviewer, $"?to={to}"));
        Assert.Equal([recent.Number], await NumbersAsync(reviewer, "?mine=true"));
        Assert.Equal([today.Number, recent.Number, old.Number], await NumbersAsync(reviewer, "?sort=Newest"));

        var backwards = await reviewer.GetAsync($"/Police/Queue?from={to}&to={from}");
        Assert.Equal("提交日期的起始日期不能晚于截止日期", backwards.FieldError("From"));
        var export = Download.RowsOf((await Download.GetAsync(reviewer, $"/Police/Queue?handler=Export&mine=true")).Workbook.Worksheet("待审核申请"));
        Assert.Equal([recent.Number], export.Select(r => r[0]));
        Assert.Equal(officer.UserName, export[0][QueueModel.Columns.ToList().IndexOf("审核民警")]);
    }

    [Fact]
    public async Task A_reversed_filing_period_is_named_by_its_labels_beside_its_end()
    {
        platform.RequireAvailable();
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Unit);

        var backwards = await reviewer.GetAsync("/Police/Websites?filedFrom=2026-12-31&filedTo=2026-01-01");

        Assert.Equal("备案时间（止）不能早于备案时间（起）", backwards.FieldError("FiledTo"));
        Assert.Equal("2026-01-01", ((IHtmlInputElement)backwards.QuerySelector("#FiledTo")!).Value);
    }

    [Theory]
    [InlineData("/Police/Queue", "from", "From", "to", "To")]
    [InlineData("/Police/Websites", "filedFrom", "FiledFrom", "filedTo", "FiledTo")]
    [InlineData("/Police/Statistics", "from", "From", "to", "To")]
    public async Task A_date_that_is_no_date_stays_as_typed_with_its_message_beside_it(string path, string from, string fromKey, string to, string toKey)
    {
        platform.RequireAvailable();
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Unit);

        var page = await reviewer.GetAsync($"{path}?{from}=2026-02-30&{to}=abc");

        Assert.Equal("“2026-02-30”不是有效的日期，请按“年-月-日”填写，如2026-03-01", page.FieldError(fromKey));
        Assert.Equal("“abc”不是有效的日期，请按“年-月-日”填写，如2026-03-01", page.FieldError(toKey));
        Assert.Equal("2026-02-30", ((IHtmlInputElement)page.QuerySelector($"#{fromKey}")!).Value);
        Assert.Equal("abc", ((IHtmlInputElement)page.QuerySelector($"#{toKey}")!).Value);
        Assert.NotNull(page.QuerySelector($".validation-summary-errors a[href='#{toKey}']"));
        Assert.Equal([$"#{fromKey}", $"#{toKey}"], page.QuerySelectorAll(".validation-summary-errors a").Select(a => a.GetAttribute("href")));
        // A filter is corrected to query again, not to submit; what it would list stands nowhere.
        Assert.Equal("请修改以下问题后再查询：", page.QuerySelector(".validation-summary-errors .validation-summary-title")?.TextContent.Trim());
        Assert.Equal("查询条件有误，请按上方提示修改后再查询。", page.QuerySelector("#filter-invalid")?.TextContent.Trim());
        Assert.Null(page.QuerySelector(".list-toolbar, table, .keyset-pager"));
        Assert.Single(page.QuerySelectorAll(".empty-state"));
    }

    [Fact]
    public async Task A_filter_with_errors_lists_and_exports_nothing_and_keeps_what_was_chosen()
    {
        platform.RequireAvailable();
        var submitted = await SeededApplications.SubmitAsync(platform, ErrorsUnit, BusinessType.CancelWebsite, DateTime.UtcNow.AddDays(-1));
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, ErrorsUnit);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var weekAgo = DateTime.UtcNow.AddHours(8).AddDays(-7).ToString("yyyy-MM-dd");
        Assert.Contains(submitted.Number, await NumbersAsync(reviewer, $"?type=CancelWebsite&from={weekAgo}&to={today}"));

        foreach (var (filter, besideFrom, message) in new[]
        {
            ("from=2026-02-30", true, "“2026-02-30”不是有效的日期，请按“年-月-日”填写，如2026-03-01"),
            ($"from={today}&to={weekAgo}", true, "提交日期的起始日期不能晚于截止日期"),
            ("mine=maybe", false, "此项只能勾选或不勾选"),
        })
        {
            var page = await reviewer.GetAsync($"/Police/Queue?type=CancelWebsite&{filter}");
            Assert.Contains(message, page.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal("查询条件有误，请按上方提示修改后再查询。", page.QuerySelector("#filter-invalid")?.TextContent.Trim());
            Assert.Null(page.QuerySelector("#queue"));
            Assert.Null(page.QuerySelector("#queue-total"));
            Assert.Null(page.QuerySelector(".keyset-pager"));
            Assert.Equal("CancelWebsite", ((IHtmlSelectElement)page.QuerySelector("#type")!).Value);
            Assert.Equal(besideFrom ? message : "", page.FieldError("From"));
        }

        var export = await reviewer.GetAsync("/Police/Queue?handler=Export&type=CancelWebsite&from=2026-02-30");
        Assert.Equal("text/html", reviewer.LastResponse!.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(export.QuerySelector("#filter-invalid"));
    }

    private static async Task<List<string>> NumbersAsync(PlatformClient reviewer, string query)
    {
        var page = await reviewer.GetAsync("/Police/Queue" + query);
        return page.QuerySelectorAll("#queue tbody tr").Select(tr => tr.Children[0].TextContent.Trim()).ToList();
    }
}

public sealed class QueueFilterTests_Sqlite(SqlitePlatform platform) : QueueFilterTests(platform), IClassFixture<SqlitePlatform>;

public sealed class QueueFilterTests_Postgres(PostgresPlatform platform) : QueueFilterTests(platform), IClassFixture<PostgresPlatform>;
