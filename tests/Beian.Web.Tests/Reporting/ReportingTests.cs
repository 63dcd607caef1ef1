using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Beian.Core.Reporting;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Reporting;
using Beian.Web.Features.Unfiled;
using Beian.Web.Features.Websites;
using Beian.Web.Tests.Assessments;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Beian.Web.Tests.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Reporting.ReportingFlows;

namespace Beian.Web.Tests.Reporting;

/// <summary>
/// 服务商业务 and 应用市场业务 (SPEC §5, issue 14): a provider applies and is approved by its county, reports by file and
/// by API; what has no filing reaches the police of its jurisdiction and the matching subject once; resending changes
/// nothing; API keys are shown once, kept hashed and refused once revoked.
/// </summary>
public abstract class ReportingTests(PlatformFixture platform)
{
    private const string Binjiang = "330108";
    private static readonly string IpRangeHeader = string.Join(',', ReportTemplates.IpRanges.Names);

    [Fact]
    public async Task A_provider_is_refused_a_wrong_licence_then_approved_by_its_county()
    {
        platform.RequireAvailable();
        var filed = await AssessmentFlows.FiledWebsiteAsync(platform);
        var form = await filed.Applicant.GetAsync("/Reporting/Providers/Apply");
        var fields = ApplicationFields(ReporterRole.ServiceProvider);
        fields["Form.LicenceNumber"] = "浙B2-20080224";
        fields["Form.Services"] = "";
        var refused = await filed.Applicant.SubmitAsync(form, "提交", fields);
        Assert.Contains("第一类增值电信业务（B1）", refused.FieldError("Form.LicenceNumber"));
        Assert.Contains("请至少选择一种服务类型", refused.Text());
        Assert.Equal("赵运维", refused.QuerySelector("input[name='Form.ContactName']")!.GetAttribute("value"));

        var approved = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        var mine = await approved.Client.GetAsync("/Reporting/Providers");
        Assert.Contains("已通过", mine.QuerySelector("#reporters")!.TextContent);
        var detail = await approved.Client.GetAsync(ReporterRoutes.DetailPath(approved.ReporterId));
        Assert.NotNull(detail.QuerySelector("#upload"));
        Assert.Contains("139****8888", detail.Text());
        // The reporter's pages belong to 我的服务商 in the side menu, though their address does not say so.
        var lookup = await approved.Client.GetAsync("/Reporting/Lookup/" + approved.ReporterId);
        foreach (var page in new[] { detail, lookup })
            Assert.Equal("我的服务商", page.QuerySelector(".side-menu-link[aria-current=page]")?.TextContent.Trim());
        // Their 位置 says where the menu has them: 我的服务商 under 我的, 申请服务商 under 服务商业务.
        Assert.Equal("服务商业务 > 申请服务商", Breadcrumb(form));
        Assert.Equal("我的 > 我的服务商", Breadcrumb(mine));
        Assert.Equal("我的 > 我的服务商 > 详情", Breadcrumb(detail));
        Assert.Equal("我的 > 我的服务商 > 详情 > 备案状态查询", Breadcrumb(lookup));
        Assert.Equal(["/Reporting/Providers", ReporterRoutes.DetailPath(approved.ReporterId)],
            lookup.QuerySelectorAll("nav[aria-label='位置'] a").Select(a => a.GetAttribute("href")));

        // Another account, and the police, never reach it.
        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var response = await stranger.Http.GetAsync(ReporterRoutes.DetailPath(approved.ReporterId));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_returned_application_is_corrected_from_its_detail_and_goes_back_to_review()
    {
        platform.RequireAvailable();
        var filed = await AssessmentFlows.FiledWebsiteAsync(platform);
        var submitted = await filed.Applicant.SubmitAsync(await filed.Applicant.GetAsync("/Reporting/Providers/Apply"), "提交",
            ApplicationFields(ReporterRole.ServiceProvider));
        var applicationId = IdOf(submitted);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, AssessmentFlows.Xihu);
        var returned = await reviewer.SubmitAsync(await ReviewFlows.ClaimAsync(reviewer, applicationId), "确认退回", new Dictionary<string, string>
        {
            ["Reasons[0].Field"] = ReporterFields.ContactName,
            ["Reasons[0].Message"] = "联系人应为单位的网络安全负责人",
        });
        Assert.Equal("已退回", returned.QuerySelector("#application-status")!.TextContent);

        var detail = await filed.Applicant.GetAsync($"/My/ApplicationDetail/{applicationId}");
        var correction = await filed.Applicant.GetAsync(detail.QuerySelector("#correct-link")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, filed.Applicant.LastResponse!.StatusCode);
        Assert.Equal("修改服务商申请", correction.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("联系人应为单位的网络安全负责人", correction.FieldError("Form.ContactName"));
        Assert.Equal("我的 > 我的申请 > 修改服务商申请", Breadcrumb(correction));
        Assert.Equal("我的申请", correction.QuerySelector(".side-menu-link[aria-current=page]")?.TextContent.Trim());

        var resubmitted = await filed.Applicant.SubmitAsync(correction, "提交", new Dictionary<string, string> { ["Form.ContactName"] = "钱安全" });
        Assert.Equal("待审核", resubmitted.QuerySelector("#application-status")!.TextContent);
    }

    [Fact]
    public async Task An_ip_range_file_pushes_its_unfiled_domain_to_the_right_unit_and_subject_once_and_flags_a_filed_site()
    {
        platform.RequireAvailable();
        var provider = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        var unfiled = $"u{Guid.NewGuid():N}"[..12] + ".cn";
        var file = Csv(Encoding.GetEncoding("GB18030"),
            IpRangeHeader,
            $"47.96.1.0,47.96.1.255,网站,浙江省杭州市滨江区,杭州某某网络科技有限公司,{SubjectForms.CreditCode},{unfiled},2026-11-01",
            "47.96.2.9,47.96.2.1,网站,,杭州错行科技有限公司,,,",
            $"116.62.1.0,116.62.1.15,云主机,,杭州某某网络科技有限公司,,{provider.Filed.Domain},");

        var page = await UploadAsync(provider, ReportKind.IpRanges, "IP段.csv", file);
        Assert.StartsWith("/Reporting/Report/", page.PathOf());
        Assert.Contains("排队中", page.QuerySelector("#report-status")!.TextContent);
        var reportId = IdOf(page);
        var report = await CompletedAsync(platform, reportId);
        Assert.Equal(ReportStatus.Completed, report.Status);
        Assert.Equal((2, 1, 1), (report.AcceptedRows, report.FailedRows, report.UnfiledFound));
        var done = await provider.Client.GetAsync($"/Reporting/Report/{reportId}");
        Assert.Contains("100%", done.QuerySelector("#report-percent")!.TextContent);
        Assert.Equal("我的 > 我的服务商 > 详情 > 上报处理情况", Breadcrumb(done));
        Assert.Contains("第3行", done.QuerySelector("#failures")!.TextContent);
        Assert.Contains("起始IP不能大于结束IP", done.QuerySelector("#failures")!.TextContent);

        var site = await InDatabaseAsync(platform, db => db.Set<UnfiledSite>().AsNoTracking().SingleAsync(s => s.Domain == unfiled));
        Assert.Equal(Binjiang, site.ImportedByUnitCode);
        Assert.Equal(provider.ReporterId, site.ReporterId);
        Assert.NotNull(site.SubjectId);
        // The site filed other IPs and another 接入服务商.
        var findings = await InDatabaseAsync(platform, db => db.Set<ReportFinding>().AsNoTracking().Where(f => f.Domain == provider.Filed.Domain).ToListAsync());
        Assert.Equal([ReportFindingKind.IpNotFiled, ReportFindingKind.OtherProvider], findings.Select(f => f.Kind).Order());
        var finding = findings.Single(f => f.Kind == ReportFindingKind.IpNotFiled);
        Assert.Equal(AssessmentFlows.Xihu, finding.UnitCode);

        // The subject with that certificate number sees it and is told once.
        Assert.Contains(unfiled, (await provider.Client.GetAsync("/Websites/Unfiled")).QuerySelector("#unfiled-sites")!.TextContent);
        var userId = await InDatabaseAsync(platform, db => db.Users.Where(u => u.UserName == provider.Filed.Account.UserName).Select(u => u.Id).SingleAsync());
        async Task<int> NoticesAsync() => await InDatabaseAsync(platform, db =>
            db.SiteMessages.CountAsync(m => m.UserId == userId && m.Title == "未备案网站备案通知" && m.Body.Contains(unfiled)));
        Assert.Equal(1, await NoticesAsync());

        // The police of 滨江 see it among the 未备案网站; those of 西湖 see the finding.
        var (binjiang, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        var imports = await binjiang.GetAsync("/Police/Imports");
        Assert.Contains(unfiled, imports.QuerySelector("#imported-records")!.TextContent);
        Assert.Contains("服务商上报", imports.QuerySelector("#imported-records")!.TextContent);
        var (xihu, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, AssessmentFlows.Xihu);
        Assert.Contains(provider.Filed.Domain, (await xihu.GetAsync("/Police/Reporting")).QuerySelector("#findings")!.TextContent);
        Assert.Null((await binjiang.GetAsync("/Police/Reporting")).QuerySelector("#findings"));

        // The same file again is the same report; the same rows in another file change nothing.
        var again = await UploadAsync(provider, ReportKind.IpRanges, "IP段-重发.csv", file);
        Assert.Equal($"/Reporting/Report/{reportId}", again.PathOf());
        Assert.Contains("内容相同", again.Text());
        var reordered = Csv(Encoding.UTF8, IpRangeHeader, file.Length > 0 ? $"116.62.1.0,116.62.1.15,云主机,,杭州某某网络科技有限公司,,{provider.Filed.Domain}," : "",
            $"47.96.1.0,47.96.1.255,网站,浙江省杭州市滨江区,杭州某某网络科技有限公司,{SubjectForms.CreditCode},{unfiled},2026-11-01");
        var second = IdOf(await UploadAsync(provider, ReportKind.IpRanges, "IP段-新.csv", reordered));
        Assert.NotEqual(reportId, second);
        var resent = await CompletedAsync(platform, second);
        Assert.Equal((2, 0, 0, 0), (resent.AcceptedRows, resent.ChangedEntries, resent.UnfiledFound, resent.FindingsRaised));
        Assert.Equal(1, await InDatabaseAsync(platform, db => db.Set<UnfiledSite>().CountAsync(s => s.Domain == unfiled)));
        Assert.Equal(1, await NoticesAsync());

        // 【已核实】 closes the finding for the county that has it.
        var reporting = await xihu.GetAsync("/Police/Reporting");
        var closed = await xihu.SubmitAsync(reporting, "已核实", new Dictionary<string, string> { ["note"] = "已电话核实，IP为备用线路" });
        Assert.Contains("已标记为已核实", closed.Text());
        Assert.Equal(1, await InDatabaseAsync(platform, db => db.Set<ReportFinding>().CountAsync(f => f.Domain == provider.Filed.Domain && f.ClosedAt != null)));
    }

    [Fact]
    public async Task The_shares_the_police_see_are_kept_per_unit_at_each_completed_report_and_rebuilt_by_the_backfill()
    {
        platform.RequireAvailable();
        var provider = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        string Unfiled() => $"u{Guid.NewGuid():N}"[..12] + ".cn";
        string Row(string domain) => $"47.96.1.0,47.96.1.255,网站,浙江省杭州市滨江区,杭州某某网络科技有限公司,{SubjectForms.CreditCode},{domain},2026-11-01";
        var (first, second) = (Unfiled(), Unfiled());

        var firstReport = IdOf(await UploadAsync(provider, ReportKind.IpRanges, "IP段.csv", Csv(Encoding.UTF8, IpRangeHeader, Row(first),
            $"116.62.1.0,116.62.1.15,云主机,,杭州某某网络科技有限公司,,{provider.Filed.Domain},")));
        Assert.Equal(ReportStatus.Completed, (await CompletedAsync(platform, firstReport)).Status);
        Assert.Equal(await EntriesAsync(), await KeptAsync());
        Assert.Equal((1, 1), await ShareAsync(Binjiang));
        Assert.Equal((1, 0), await ShareAsync(AssessmentFlows.Xihu));
        Assert.Equal((2, 1), await ShareAsync("330100"));

        var next = IdOf(await UploadAsync(provider, ReportKind.IpRanges, "IP段-新.csv", Csv(Encoding.UTF8, IpRangeHeader, Row(second))));
        var nextReport = await CompletedAsync(platform, next);
        Assert.Equal((ReportStatus.Completed, 1, 1), (nextReport.Status, nextReport.AcceptedRows, nextReport.UnfiledFound));
        Assert.Equal((2, 2), await ShareAsync(Binjiang));
        Assert.Equal(await EntriesAsync(), await KeptAsync());

        await InDatabaseAsync(platform, db => db.Set<ReportedCount>().Where(c => c.ReporterId == provider.ReporterId).ExecuteDeleteAsync());
        Assert.Equal((0, 0), await ShareAsync("330100"));
        Assert.True(await platform.ScopedAsync(s => s.GetRequiredService<ReportedCountsBackfill>().RunAsync("test-node", CancellationToken.None)) >= 1);
        Assert.Equal(await EntriesAsync(), await KeptAsync());
        Assert.Equal((3, 2), await ShareAsync("330100"));

        Task<List<(string, int, int)>> EntriesAsync() => InDatabaseAsync(platform, async db =>
            (await db.Set<ReportedSite>().AsNoTracking().Where(e => e.ReporterId == provider.ReporterId).ToListAsync())
            .GroupBy(e => e.UnitCode ?? string.Empty).Select(g => (g.Key, g.Count(), g.Count(e => e.WebsiteId == null))).Order().ToList());
        Task<List<(string, int, int)>> KeptAsync() => InDatabaseAsync(platform, async db =>
            (await db.Set<ReportedCount>().AsNoTracking().Where(c => c.ReporterId == provider.ReporterId).ToListAsync())
            .Select(c => (c.UnitCode, c.Reported, c.Unfiled)).Order().ToList());
        async Task<(int, int)> ShareAsync(string unit) =>
            await platform.ScopedAsync(async s => (await s.GetRequiredService<ReportingOversight>().SharesAsync(unit, ReporterRole.ServiceProvider, CancellationToken.None))
                .Where(r => r.ReporterId == provider.ReporterId).Select(r => (r.Reported, r.Unfiled)).SingleOrDefault());
    }

    [Fact]
    public async Task A_site_stored_before_its_ip_columns_is_matched_from_its_content_and_the_backfill_fills_them()
    {
        platform.RequireAvailable();
        var provider = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        var domain = provider.Filed.Domain;
        var projected = await InDatabaseAsync(platform, db => db.Websites.AsNoTracking().Where(w => w.MainDomain == domain)
            .Select(w => new { w.Id, w.Ips, w.AccessProviderName }).SingleAsync());
        Assert.False(string.IsNullOrEmpty(projected.Ips));
        Assert.False(string.IsNullOrEmpty(projected.AccessProviderName));
        await InDatabaseAsync(platform, db => db.Websites.Where(w => w.Id == projected.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Ips, (string?)null).SetProperty(w => w.AccessProviderName, (string?)null)));

        var reportId = IdOf(await UploadAsync(provider, ReportKind.IpRanges, "IP段.csv",
            Csv(Encoding.UTF8, IpRangeHeader, $"116.62.1.0,116.62.1.15,云主机,,杭州某某网络科技有限公司,,{domain},")));
        Assert.Equal(2, (await CompletedAsync(platform, reportId)).FindingsRaised);
        var kinds = await InDatabaseAsync(platform, db => db.Set<ReportFinding>().Where(f => f.Domain == domain).Select(f => f.Kind).ToListAsync());
        Assert.Equal([ReportFindingKind.IpNotFiled, ReportFindingKind.OtherProvider], kinds.Order());

        var backfill = () => platform.ScopedAsync(s => s.GetRequiredService<WebsiteColumnsBackfill>().RunAsync("test-node", CancellationToken.None));
        Assert.True(await backfill() >= 1);
        var filled = await InDatabaseAsync(platform, db => db.Websites.AsNoTracking().Where(w => w.Id == projected.Id)
            .Select(w => new { w.Id, w.Ips, w.AccessProviderName }).SingleAsync());
        Assert.Equal(projected, filled);
        Assert.Equal(0, await backfill());
    }

    [Fact]
    public async Task A_reported_unfiled_domain_is_filed_when_a_site_files_it_without_opening_the_pushed_record()
    {
        platform.RequireAvailable();
        var provider = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        var registrable = $"u{Guid.NewGuid():N}"[..12] + ".com";
        var reportId = IdOf(await UploadAsync(provider, ReportKind.IpRanges, "IP段.csv", Csv(Encoding.UTF8, IpRangeHeader,
            $"47.96.3.0,47.96.3.255,网站,浙江省杭州市滨江区,杭州某某网络科技有限公司,,www.{registrable}；shop.{registrable},")));
        Assert.Equal(2, (await CompletedAsync(platform, reportId)).UnfiledFound);

        // Filed by its 主域名 through the wizard: www. of it is the same site, shop. is under its registrable domain.
        var filed = await ReviewFlows.FileWebsiteInAsync(platform, Binjiang, domain: registrable);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        await ReviewFlows.ApproveAsync(reviewer, filed.ApplicationId);

        var records = await InDatabaseAsync(platform, db => db.Set<UnfiledSite>().AsNoTracking().Where(u => u.Domain.EndsWith(registrable)).ToListAsync());
        Assert.Equal(2, records.Count);
        var websiteId = await InDatabaseAsync(platform, db => db.Websites.Where(w => w.MainDomain == registrable).Select(w => w.Id).SingleAsync());
        Assert.All(records, r => Assert.Equal((UnfiledSiteStatus.Completed, websiteId), (r.Status, r.CompletedWebsiteId)));
    }

    [Fact]
    public async Task A_file_that_is_not_the_template_is_refused_at_once_next_to_the_upload()
    {
        platform.RequireAvailable();
        var provider = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        var wrong = await UploadAsync(provider, ReportKind.IpRanges, "别的.csv", Csv(Encoding.UTF8, "域名,IP", "a.cn,1.1.1.1"));
        Assert.Contains("缺少列 起始IP", wrong.FieldError("Upload"));
        // An Excel 97-2003 workbook and a picture: their first eight bytes hold no zero byte, the bytes after do.
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[16], 0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00, .. new byte[480]];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, .. new byte[64]];
        foreach (var (name, content) in new[] { ("IP段.xls", xls), ("IP段.png", png) })
        {
            var binary = await UploadAsync(provider, ReportKind.IpRanges, name, content);
            Assert.Equal("请上传CSV或Excel（.xlsx）文件，可从下载中心下载模板", binary.FieldError("Upload"));
        }
        var store = await UploadAsync(provider, ReportKind.AppListings, "apps.csv", Csv(Encoding.UTF8, "APP名称,包名,开发者"));
        Assert.Contains("服务商不能上报应用市场APP数据", store.FieldError("Upload"));
        Assert.Equal(0, await InDatabaseAsync(platform, db => db.Set<ServiceReport>().CountAsync(r => r.ReporterId == provider.ReporterId)));
    }

    [Fact]
    public async Task Api_keys_are_shown_once_kept_hashed_audited_and_refused_once_revoked()
    {
        platform.RequireAvailable();
        var provider = await ApprovedAsync(platform, ReporterRole.ServiceProvider);
        var detail = await provider.Client.GetAsync(ReporterRoutes.DetailPath(provider.ReporterId));
        var created = await provider.Client.SubmitAsync(detail, "创建API密钥", new Dictionary<string, string> { ["KeyName"] = "上报系统" });
        var key = created.QuerySelector("#new-key code")!.TextContent.Trim();
        Assert.StartsWith("bak_", key);
        var reloaded = await provider.Client.GetAsync(ReporterRoutes.DetailPath(provider.ReporterId));
        Assert.Null(reloaded.QuerySelector("#new-key"));
        Assert.DoesNotContain(key, reloaded.Text());
        var stored = await InDatabaseAsync(platform, db => db.Set<ReporterApiKey>().AsNoTracking().SingleAsync(k => k.ReporterId == provider.ReporterId));
        Assert.NotEqual(key, stored.Hash);
        Assert.DoesNotContain(stored.Hash, key);

        using var api = platform.NewClient();
        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var unfiled = $"c{Guid.NewGuid():N}"[..12] + ".com";
        var posted = await api.Http.PostAsJsonAsync("/api/providers/reports/cdn", new
        {
            rows = new object[]
            {
                new { domain = unfiled, nodeIps = new[] { "120.55.1.1" }, region = "330108", customerName = "某客户" },
                new { domain = "http://bad/", nodeIps = new[] { "120.55.1.1" } },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var reportId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CompletedAsync(platform, reportId);
        var status = await api.Http.GetFromJsonAsync<JsonElement>($"/api/providers/reports/{reportId}");
        Assert.Equal("Completed", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("unfiledFound").GetInt32());
        Assert.Equal(3, status.GetProperty("failures")[0].GetProperty("line").GetInt32());

        var lookup = await api.Http.PostAsJsonAsync("/api/providers/filing-status", new { identifiers = new[] { provider.Filed.Domain, unfiled, "不是域名" } });
        var items = (await lookup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.True(items[0].GetProperty("filed").GetBoolean());
        Assert.Contains("公网安备", items[0].GetProperty("number").GetString());
        Assert.False(items[1].GetProperty("filed").GetBoolean());
        Assert.Equal("不是有效的域名，请只填写域名，不要包含 http:// 或路径", items[2].GetProperty("problem").GetString());

        var page = await provider.Client.SubmitAsync(await provider.Client.GetAsync("/Reporting/Lookup/" + provider.ReporterId), "查询",
            new Dictionary<string, string> { ["Identifiers"] = $"{provider.Filed.Domain}\n{unfiled}" });
        Assert.Contains("已备案1个", page.QuerySelector("main")!.TextContent);

        var revoked = await provider.Client.SubmitAsync(await provider.Client.GetAsync(ReporterRoutes.DetailPath(provider.ReporterId)), "停用");
        Assert.Contains("已停用", revoked.QuerySelector("#api-keys")!.TextContent);
        var refused = await api.Http.GetAsync($"/api/providers/reports/{reportId}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var audit = await InDatabaseAsync(platform, db => db.AuditRecords.AsNoTracking().Where(a => a.Action == AuditActions.CallApi)
            .Select(a => new { a.Outcome, a.ObjectId }).ToListAsync());
        Assert.Contains(audit, a => a.Outcome == AuditOutcomes.Succeeded && a.ObjectId == provider.ReporterId.ToString());
        Assert.Contains(audit, a => a.Outcome == AuditOutcomes.Refused);
    }

    [Fact]
    public async Task An_app_store_reports_by_xlsx_and_its_unfiled_app_reaches_the_unit_of_the_reported_region()
    {
        platform.RequireAvailable();
        var store = await ApprovedAsync(platform, ReporterRole.AppStore);
        var package = "com.example.r" + Guid.NewGuid().ToString("N")[..8];
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("APP");
        var columns = ReportTemplates.AppListings.Names.ToList();
        for (var i = 0; i < columns.Count; i++) sheet.Cell(1, i + 1).Value = columns[i];
        string[] row = ["甬上茶事", package, "宁波某某科技有限公司", "1.4.2", "https://apps.example.com/tea", "", "", SubjectForms.CreditCode, "330108"];
        for (var i = 0; i < row.Length; i++) sheet.Cell(2, i + 1).Value = row[i];
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);

        var page = await UploadAsync(store, ReportKind.AppListings, "上架APP.xlsx", buffer.ToArray());
        var report = await CompletedAsync(platform, IdOf(page));
        Assert.Equal((1, 0, 1), (report.AcceptedRows, report.FailedRows, report.UnfiledFound));
        var app = await InDatabaseAsync(platform, db => db.Set<UnfiledApp>().AsNoTracking().SingleAsync(a => a.PackageName == package));
        Assert.Equal(Binjiang, app.UnitCode);
        Assert.NotNull(app.SubjectId);
        var unfiledApps = await store.Client.GetAsync("/Apps/Unfiled");
        Assert.Contains(package, unfiledApps.QuerySelector("#unfiled-apps")!.TextContent);
        Assert.Equal("APP业务 > 未备案APP", Breadcrumb(unfiledApps));
        Assert.Contains("已通过", (await store.Client.GetAsync("/Home/Applicant")).QuerySelector("#widget-app-stores")!.TextContent);
        var (binjiang, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        Assert.Contains(package, (await binjiang.GetAsync("/Police/Reporting?tab=apps")).QuerySelector("#unfiled-apps")!.TextContent);
        var statistics = await binjiang.GetAsync("/Police/Statistics");
        Assert.Contains("应用市场上报APP备案情况", statistics.Text());

        // Past its 整改期限 and still unfiled: 关停风险, its owner told once.
        await InDatabaseAsync(platform, db => db.Set<UnfiledApp>().Where(a => a.Id == app.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Deadline, a => a.FirstSeenOn.AddDays(-1))));
        async Task<int> RunDeadlinesAsync() => await platform.ScopedAsync(s => s.GetRequiredService<UnfiledAppDeadlines>().RunAsync(CancellationToken.None));
        Assert.Equal(1, await RunDeadlinesAsync());
        Assert.Equal(0, await RunDeadlinesAsync());
        Assert.NotNull((await InDatabaseAsync(platform, db => db.Set<UnfiledApp>().AsNoTracking().SingleAsync(a => a.Id == app.Id))).ShutdownRiskSince);
        var owner = await InDatabaseAsync(platform, db => db.Users.Where(u => u.UserName == store.Filed.Account.UserName).Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await InDatabaseAsync(platform, db => db.SiteMessages.CountAsync(m => m.UserId == owner && m.Title == "未备案APP存在关停风险")));

        // Filed at last through 新办APP申请: the 未备案APP is 已备案 with it.
        var filedApp = await Apps.AppFlows.ApproveAsync(platform, await Apps.AppFlows.FileAppAsync(store.Client, package));
        var completed = await InDatabaseAsync(platform, db => db.Set<UnfiledApp>().AsNoTracking().SingleAsync(a => a.Id == app.Id));
        Assert.Equal((UnfiledSiteStatus.Completed, filedApp.Id), (completed.Status, completed.CompletedAppId));
    }

    /// <summary>The 位置 line above the page's title, as read: "我的 > 我的服务商 > 详情".</summary>
    private static string Breadcrumb(AngleSharp.Dom.IDocument page) =>
        string.Join(' ', page.QuerySelector("nav[aria-label='位置']")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class ReportingTests_Sqlite(SqlitePlatform platform) : ReportingTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ReportingTests_Postgres(PostgresPlatform platform) : ReportingTests(platform), IClassFixture<PostgresPlatform>;
