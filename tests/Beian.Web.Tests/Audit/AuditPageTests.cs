using System.Net;
using AngleSharp.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Audit;

/// <summary>审计日志 for administrators: filters above, the list in Beijing time, 【校验完整性】; nobody else gets in.</summary>
public abstract class AuditPageTests(PlatformFixture platform)
{
    // 2026-03-01 23:30 and 2026-03-02 00:10 in Beijing: one either side of midnight.
    private static readonly DateTime LateEvening = new(2026, 3, 1, 15, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime JustAfterMidnight = new(2026, 3, 1, 16, 10, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_administrator_lists_the_records_in_beijing_time_and_filters_them()
    {
        platform.RequireAvailable();
        var officer = $"o{Guid.NewGuid():N}"[..12];
        var file = Guid.NewGuid().ToString();
        var application = Guid.NewGuid().ToString();
        await SeedAsync(
            (AuditRecord.New(AuditActions.ReadPersonalData, AuditObjectTypes.File, file, AuditOutcomes.Succeeded, "IdFront", LateEvening),
                new AuditActor("u-1", officer, "330106", "198.51.100.20")),
            (AuditRecord.New(AuditActions.ReadPersonalData, AuditObjectTypes.File, file, AuditOutcomes.Refused, "无权查看或文件不存在", JustAfterMidnight),
                new AuditActor("u-2", officer + "x", "330205", "198.51.100.21")),
            (AuditRecord.New("Approve", AuditObjectTypes.Application, application, AuditOutcomes.Succeeded, "新增主体：待审核 → 已通过", LateEvening),
                new AuditActor("u-1", officer, "330106", null)));
        var (admin, _) = await AuditPlatform.StaffClientAsync(platform, Roles.Administrator, null);

        var page = await admin.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.OK, admin.LastResponse!.StatusCode);
        var menu = page.QuerySelector("a[href='/Admin/Audit']");
        Assert.Equal("审计日志", menu?.TextContent.Trim());
        foreach (var label in new[] { "开始日期", "结束日期", "用户", "单位", "操作", "对象类型", "对象编号", "结果" })
            Assert.NotNull(page.QuerySelectorAll("form[role=search] label").FirstOrDefault(l => l.TextContent.Trim() == label));
        Assert.Equal(new[] { "序号", "时间", "用户", "单位", "操作", "对象", "结果", "来源IP", "说明" },
            page.QuerySelectorAll("#audit-records thead th").Select(th => th.TextContent.Trim()));

        // The filters are a GET form; an id pasted in capitals finds the record too.
        Assert.Equal("get", page.QuerySelector("form[role=search]")!.GetAttribute("method"));
        var byFile = await admin.GetAsync($"/Admin/Audit?objectId={file.ToUpperInvariant()}");
        var rows = AuditPlatform.Rows(byFile);
        Assert.Equal(2, rows.Count);
        var granted = rows.Single(r => r[6] == "成功");
        Assert.Equal("待封存", granted[0]);
        Assert.Equal("2026-03-01 23:30:00", granted[1]);
        Assert.Equal(officer, granted[2]);
        Assert.Equal(await UnitNameAsync("330106"), granted[3]);
        Assert.Equal("查看个人信息", granted[4]);
        Assert.Equal($"文件 {file[..8]}…", granted[5]);
        // The object links to its own history.
        var link = byFile.QuerySelector("#audit-records tbody a.audit-object")!;
        Assert.Equal(file, link.GetAttribute("title"));
        Assert.Equal(2, AuditPlatform.Rows(await admin.GetAsync(link.GetAttribute("href")!)).Count);
        Assert.Equal("198.51.100.20", granted[7]);
        Assert.Equal("IdFront", granted[8]);

        Assert.Equal("拒绝", Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?objectId={file}&outcome=Refused")))[6]);
        Assert.Equal(2, AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?user={officer}")).Count);
        Assert.Equal("审核通过", Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?user={officer}&operation=Approve")))[4]);
        Assert.Equal("申请", Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?user={officer}&objectType=Application")))[5][..2]);
        Assert.Equal(2, AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?objectId={file}&unit=33")).Count);
        Assert.Equal(officer + "x", Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?objectId={file}&unit=3302")))[2]);
        // Days are Beijing days: 23:30 on the 1st is in it, 00:10 on the 2nd is not.
        var firstOfMarch = Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?objectId={file}&from=2026-03-01&to=2026-03-01")));
        Assert.Equal("2026-03-01 23:30:00", firstOfMarch[1]);
        Assert.Equal("2026-03-02 00:10:00", Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?objectId={file}&from=2026-03-02")))[1]);

        var backwards = await admin.GetAsync($"/Admin/Audit?objectId={file}&from=2026-03-02&to=2026-03-01");
        Assert.Contains("开始日期不能晚于结束日期", backwards.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(AuditPlatform.Rows(backwards));
        // A date that is no date leaves nothing out: the list is not shown (it showed the object's two records).
        var noDate = await admin.GetAsync($"/Admin/Audit?objectId={file}&from=2026-02-30");
        Assert.Equal("“2026-02-30”不是有效的日期，请按“年-月-日”填写，如2026-03-01", noDate.FieldError("From"));
        Assert.Equal("请修改以下问题后再查询：", noDate.QuerySelector(".validation-summary-title")?.TextContent.Trim());
        Assert.Equal("查询条件有误，请按上方提示修改后再查询。", noDate.QuerySelector("#filter-invalid")?.TextContent.Trim());
        Assert.Empty(AuditPlatform.Rows(noDate));
        Assert.Null(noDate.QuerySelector(".keyset-pager"));
        Assert.Equal(file, noDate.QuerySelector("#objectId")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Checking_integrity_shows_the_result_and_is_itself_audited()
    {
        platform.RequireAvailable();
        await SeedAsync((AuditRecord.New(AuditActions.ReadPersonalData, AuditObjectTypes.File, Guid.NewGuid().ToString(), AuditOutcomes.Succeeded, null, DateTime.UtcNow),
            AuditActor.System));
        await platform.ScopedAsync(s => s.GetRequiredService<AuditSealer>().SealPendingAsync("page-test"));
        var (admin, account) = await AuditPlatform.StaffClientAsync(platform, Roles.Administrator, null);

        var result = await admin.SubmitAsync(await admin.GetAsync("/Admin/Audit"), "校验完整性");
        var verification = result.QuerySelector("#verification")!;
        Assert.Contains("审计日志完整", verification.TextContent);
        Assert.Contains("alert-success", verification.ClassName);

        var audited = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.Action == AuditActions.VerifyChain && r.UserId == account.UserId).ToListAsync());
        Assert.Equal(AuditOutcomes.Succeeded, Assert.Single(audited).Outcome);
        Assert.Contains(AuditPlatform.Rows(result), r => r[4] == "校验审计日志完整性" && r[2] == account.UserName);
    }

    [Fact]
    public async Task Nobody_but_an_administrator_reads_or_checks_the_log()
    {
        platform.RequireAvailable();
        using var anonymous = platform.NewClient();
        var login = await anonymous.Http.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/Accounts/Login", login.Headers.Location!.ToString());

        var (applicant, applicantAccount) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var (reviewer, reviewerAccount) = await AuditPlatform.StaffClientAsync(platform, Roles.Reviewer, "330106");
        string[] refusedUsers = [await AuditPlatform.UserIdAsync(platform, applicantAccount.UserName), reviewerAccount.UserId];
        foreach (var client in new[] { applicant, reviewer })
        {
            var read = await client.Http.GetAsync("/Admin/Audit");
            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
            Assert.Contains("/Accounts/AccessDenied", read.Headers.Location!.ToString());
            var check = await client.Http.PostAsync("/Admin/Audit", new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.OK, check.StatusCode);
            Assert.DoesNotContain("审计日志完整", await check.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords
            .CountAsync(r => r.Action == AuditActions.VerifyChain && refusedUsers.Contains(r.UserId))));
    }

    [Fact]
    public async Task 归档记录_before_anything_is_archived_says_so_and_finds_no_fault_with_a_filter_it_does_not_show()
    {
        platform.RequireAvailable();
        var (admin, _) = await AuditPlatform.StaffClientAsync(platform, Roles.Administrator, null);

        var page = await admin.GetAsync("/Admin/Audit?scope=archive&from=2026-13-01");
        Assert.Equal(HttpStatusCode.OK, admin.LastResponse!.StatusCode);
        Assert.Contains("尚无归档记录", page.QuerySelector("#archive-span")!.TextContent);
        Assert.Null(page.QuerySelector("form[role=search]"));
        Assert.Null(page.QuerySelector("#" + Beian.Web.Infrastructure.Paging.FilteredListTagHelper.ElementId));
    }

    [Fact]
    public async Task A_long_log_is_paged_by_cursor_without_a_record_twice_or_missing()
    {
        platform.RequireAvailable();
        var officer = $"p{Guid.NewGuid():N}"[..12];
        // 120 records of one user, ten in the same microsecond: the id orders those.
        var at = new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc);
        await SeedAsync(Enumerable.Range(0, 120).Select(i => (
            AuditRecord.New(AuditActions.ReadPersonalData, AuditObjectTypes.File, Guid.NewGuid().ToString(), AuditOutcomes.Succeeded, $"第{i}条",
                i < 10 ? at : at.AddMinutes(i)), new AuditActor("u-p", officer, "330106", null))).ToArray());
        var (admin, _) = await AuditPlatform.StaffClientAsync(platform, Roles.Administrator, null);

        var seen = new List<string>();
        var page = await admin.GetAsync($"/Admin/Audit?user={officer}");
        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent.Trim() == "共 120 条");
        while (true)
        {
            seen.AddRange(AuditPlatform.Ids(page));
            var next = page.QuerySelector(".keyset-pager a[rel=next]")?.GetAttribute("href");
            if (next == null) break;
            Assert.Contains($"user={officer}", next);
            page = await admin.GetAsync(next);
        }
        Assert.Equal(120, seen.Count);
        Assert.Equal(120, seen.Distinct().Count());
        // 末页 holds the oldest, and an old page number shows the first page.
        var last = await admin.GetAsync(page.QuerySelector(".keyset-pager a[rel=last]")!.GetAttribute("href")!);
        Assert.Equal(seen[^50..], AuditPlatform.Ids(last));
        Assert.Equal(seen[..50], AuditPlatform.Ids(await admin.GetAsync($"/Admin/Audit?user={officer}&p=2")));
    }

    private Task SeedAsync(params (AuditRecord Record, AuditActor Actor)[] records) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            foreach (var (record, actor) in records)
            {
                record.AttributeTo(actor);
                db.Add(record);
            }
            return await db.SaveChangesAsync();
        });

    private Task<string> UnitNameAsync(string code) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PoliceUnits.Where(u => u.Code == code).Select(u => u.Name).SingleAsync());
}

public sealed class AuditPageTests_Sqlite(SqliteAuditPlatform platform) : AuditPageTests(platform), IClassFixture<SqliteAuditPlatform>;

public sealed class AuditPageTests_Postgres(PostgresAuditPlatform platform) : AuditPageTests(platform), IClassFixture<PostgresAuditPlatform>;
