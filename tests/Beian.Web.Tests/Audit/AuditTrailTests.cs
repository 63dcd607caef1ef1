using System.Net;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Unfiled;
using Beian.Web.Features.Uploads;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Uploads;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Audit;

/// <summary>
/// What lands in the 审计日志 (SPEC §12): every state change, with who, from where and what; every
/// police read of personal data; and nothing the application can change afterwards.
/// </summary>
public abstract class AuditTrailTests(PlatformFixture platform)
{
    private const string Xihu = "330106";
    private const string Gongshu = "330105";

    [Fact]
    public async Task Submitting_a_subject_audits_the_submission_as_the_applicant_from_their_address()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        client.From("203.0.113.10");
        var mobile = SubjectForms.UniqueMobile();
        var detail = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核",
            SubjectForms.Organisation(mobile: mobile), SubjectForms.AllFiles());
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var subjectId = await SubjectOfAsync(applicationId);

        var submitted = Assert.Single(await RecordsAsync(AuditObjectTypes.Application, applicationId.ToString()));
        Assert.Equal("Submit", submitted.Action);
        Assert.Equal("提交审核", AuditActions.Label(submitted.Action));
        Assert.Equal(await AuditPlatform.UserIdAsync(platform, applicant.UserName), submitted.UserId);
        Assert.Equal(applicant.UserName, submitted.UserName);
        Assert.Null(submitted.UnitCode);
        Assert.Equal("203.0.113.10", submitted.SourceIp);
        Assert.Equal(AuditOutcomes.Succeeded, submitted.Outcome);
        Assert.Contains("新增主体", submitted.Detail);
        Assert.Contains("— → 待审核", submitted.Detail);
        Assert.Matches("^[0-9a-f]{64}$", submitted.ContentHash);
        Assert.Equal(AuditHashes.Content(submitted), submitted.ContentHash);

        var created = Assert.Single(await RecordsAsync(AuditObjectTypes.Subject, subjectId.ToString()));
        Assert.Equal(AuditActions.Create, created.Action);
        Assert.Equal("状态：待审核", created.Detail);
        Assert.Equal(applicant.UserName, created.UserName);
        Assert.Equal("203.0.113.10", created.SourceIp);

        // Nothing personal in clear anywhere in the log.
        var everything = string.Join("\n", (await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking().ToListAsync()))
            .Select(AuditHashes.Canonical));
        Assert.DoesNotContain(mobile, everything);
        Assert.DoesNotContain(SubjectForms.PrincipalId, everything);
        Assert.DoesNotContain("李明", everything);
    }

    [Fact]
    public async Task An_approval_is_audited_as_the_reviewer_of_their_unit_together_with_the_subject_becoming_valid()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var detail = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核",
            SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), SubjectForms.AllFiles());
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var reviewer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, Xihu);

        var result = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, reviewer.UserId));
        Assert.True(result.Succeeded, result.Error);

        var approved = Assert.Single(await RecordsAsync(AuditObjectTypes.Application, applicationId.ToString()), r => r.Action == "Approve");
        Assert.Equal("审核通过", AuditActions.Label(approved.Action));
        Assert.Equal(reviewer.UserId, approved.UserId);
        Assert.Equal(reviewer.UserName, approved.UserName);
        Assert.Equal(Xihu, approved.UnitCode);
        Assert.Null(approved.SourceIp); // decided outside a request
        Assert.EndsWith("待审核 → 已通过", approved.Detail);

        var subjectId = await SubjectOfAsync(applicationId);
        var valid = Assert.Single(await RecordsAsync(AuditObjectTypes.Subject, subjectId.ToString()), r => r.Action == AuditActions.ChangeStatus);
        Assert.Equal("待审核 → 有效", valid.Detail);
        // Both in the decision's transaction: the same instant as the transition, give or take the clock.
        Assert.InRange(valid.At - approved.At, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Filing_a_website_audits_its_creation_and_its_approval()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var detail = await WebsiteFlows.FileWebsiteAsync(client.From("203.0.113.30"), $"a{Guid.NewGuid():N}"[..12] + ".com");
        var (websiteId, number) = await WebsiteFlows.ApproveAsync(platform, detail);

        var records = await RecordsAsync(AuditObjectTypes.Website, websiteId.ToString());
        Assert.Equal([AuditActions.Create, AuditActions.ChangeStatus], records.Select(r => r.Action));
        Assert.Equal("状态：待审核", records[0].Detail);
        Assert.Equal("203.0.113.30", records[0].SourceIp);
        Assert.Equal("待审核 → 已备案", records[1].Detail);
        Assert.DoesNotContain(records, r => r.Detail.Contains(number[^6..]) && r.Detail.Contains("身份证"));
    }

    [Fact]
    public async Task Imported_rows_are_audited_once_even_when_a_failed_save_is_retried()
    {
        platform.RequireAvailable();
        var digits = "33010602" + Random.Shared.Next(100000, 999999);
        var site = new UnfiledSite { Id = Guid.NewGuid(), Domain = $"u{Guid.NewGuid():N}"[..12] + ".com", ImportedByUnitCode = Xihu, Status = UnfiledSiteStatus.Pending };
        var first = NewFiling(digits);
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            db.Add(first);
            await db.SaveChangesAsync();
            db.Add(site);
            var duplicate = NewFiling(digits);
            db.Add(duplicate);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.Entry(duplicate).State = EntityState.Detached; // the import drops the bad row and saves again
            await db.SaveChangesAsync();

            first.Status = OfflineFilingStatus.Claimed;
            return await db.SaveChangesAsync();
        });

        var created = Assert.Single(await RecordsAsync(AuditObjectTypes.UnfiledSite, site.Id.ToString()));
        Assert.Equal("状态：待备案", created.Detail);
        var filing = await RecordsAsync(AuditObjectTypes.OfflineFiling, first.Id.ToString());
        Assert.Equal(["状态：待认领", "待认领 → 已认领"], filing.Select(r => r.Detail));
        Assert.All(filing, r => Assert.Equal(AuditActor.System.UserName, r.UserName));
    }

    private static OfflineFiling NewFiling(string digits) => new()
    {
        Id = Guid.NewGuid(), NumberDigits = digits, NumberDisplay = $"浙公网安备{digits}号", SiteName = "测试网站",
        ImportedByUnitCode = Xihu, Status = OfflineFilingStatus.Pending,
    };

    [Fact]
    public async Task Record_commits_with_the_callers_save_and_RecordNow_by_itself()
    {
        platform.RequireAvailable();
        var objectId = Guid.NewGuid().ToString();
        await platform.ScopedAsync(async s =>
        {
            var audit = s.GetRequiredService<AuditLog>();
            var db = s.GetRequiredService<BeianDbContext>();
            audit.Record(AuditActions.Delete, AuditObjectTypes.Website, objectId, detail: "rolled back");
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }
            db.ChangeTracker.Clear();

            audit.Record(AuditActions.Delete, AuditObjectTypes.Website, objectId, detail: "never saved");
            await audit.RecordNowAsync(AuditActions.ReadPersonalData, AuditObjectTypes.Website, objectId, AuditOutcomes.Refused, "saved alone");
            return 0; // the scope ends without saving the second Record
        });

        var saved = Assert.Single(await RecordsAsync(AuditObjectTypes.Website, objectId));
        Assert.Equal("saved alone", saved.Detail);
        Assert.Equal(AuditOutcomes.Refused, saved.Outcome);
        Assert.Equal(AuditActor.System.UserId, saved.UserId);
    }

    [Fact]
    public async Task A_police_read_of_a_file_is_audited_and_a_refused_one_is_too_without_leaking_the_file()
    {
        platform.RequireAvailable();
        var (ownerClient, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var ownerId = await AuditPlatform.UserIdAsync(platform, owner.UserName);
        var jpeg = TestFiles.Jpeg();
        var stored = ImageReencoder.Reencode(jpeg, FileKind.Jpeg).Image!; // what the platform keeps of the upload
        var file = await platform.ScopedAsync(async s =>
        {
            var uploads = s.GetRequiredService<UploadService>();
            var saved = (await uploads.SaveAsync(ownerId, UploadPurpose.OrganisationLicence, "营业执照.jpg", new MemoryStream(jpeg))).File!;
            await uploads.AttachAsync([saved.Id], ownerId, $"subject:{saved.Id}", Xihu);
            return saved;
        });
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.Http.GetAsync($"/files/{file.Id}")).StatusCode);

        var (xihu, xihuReviewer) = await AuditPlatform.StaffClientAsync(platform, Roles.Reviewer, Xihu);
        var read = await xihu.From("198.51.100.7").Http.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(stored, await read.Content.ReadAsByteArrayAsync());

        var (gongshu, gongshuReviewer) = await AuditPlatform.StaffClientAsync(platform, Roles.Reviewer, Gongshu);
        var refused = await gongshu.From("198.51.100.8").Http.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var body = await refused.Content.ReadAsByteArrayAsync();
        Assert.False(body.AsSpan().IndexOf(stored.AsSpan(0, 64)) >= 0, "the refused answer carries the file");
        Assert.DoesNotContain("营业执照", System.Text.Encoding.UTF8.GetString(body));

        var records = await RecordsAsync(AuditObjectTypes.File, file.Id.ToString());
        var granted = Assert.Single(records, r => r.Outcome == AuditOutcomes.Succeeded);
        Assert.Equal(AuditActions.ReadPersonalData, granted.Action);
        Assert.Equal("查看个人信息", AuditActions.Label(granted.Action));
        Assert.Equal(xihuReviewer.UserId, granted.UserId);
        Assert.Equal(xihuReviewer.UserName, granted.UserName);
        Assert.Equal(Xihu, granted.UnitCode);
        Assert.Equal("198.51.100.7", granted.SourceIp);
        Assert.Contains("OrganisationLicence", granted.Detail);

        var denied = Assert.Single(records, r => r.Outcome == AuditOutcomes.Refused);
        Assert.Equal(gongshuReviewer.UserId, denied.UserId);
        Assert.Equal(Gongshu, denied.UnitCode);
        Assert.Equal("198.51.100.8", denied.SourceIp);
        Assert.DoesNotContain(records, r => r.UserId == ownerId); // the owner's own reads are not police reads
    }

    [Fact]
    public async Task The_application_cannot_change_or_delete_an_audit_record()
    {
        platform.RequireAvailable();
        var objectId = Guid.NewGuid().ToString();
        var record = await platform.ScopedAsync(s =>
            s.GetRequiredService<AuditLog>().RecordNowAsync(AuditActions.ReadPersonalData, AuditObjectTypes.File, objectId, detail: "original"));

        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var tracked = await db.AuditRecords.SingleAsync(r => r.Id == record.Id);
            db.Entry(tracked).Property(r => r.Detail).CurrentValue = "edited";
            await Assert.ThrowsAsync<AuditTamperingException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.AuditRecords.Remove(await db.AuditRecords.SingleAsync(r => r.Id == record.Id));
            await Assert.ThrowsAsync<AuditTamperingException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            return 0;
        });

        // Sealing is the one change allowed, once.
        await platform.ScopedAsync(s => s.GetRequiredService<AuditSealer>().SealPendingAsync("test-sealer"));
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var sealedRecord = await db.AuditRecords.SingleAsync(r => r.Id == record.Id);
            db.Entry(sealedRecord).Property(r => r.ChainHash).CurrentValue = new string('b', 64);
            await Assert.ThrowsAsync<AuditTamperingException>(() => db.SaveChangesAsync());
            return 0;
        });

        var stored = Assert.Single(await RecordsAsync(AuditObjectTypes.File, objectId));
        Assert.Equal("original", stored.Detail);
        Assert.NotNull(stored.Sequence);
        Assert.Equal(AuditHashes.Chain(stored.PreviousHash!, stored.ContentHash), stored.ChainHash);
    }

    private Task<List<AuditRecord>> RecordsAsync(string objectType, string objectId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.ObjectType == objectType && r.ObjectId == objectId).OrderBy(r => r.At).ToListAsync());

    private Task<Guid> SubjectOfAsync(Guid applicationId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications.Where(a => a.Id == applicationId).Select(a => a.SubjectId).SingleAsync());
}

public class AuditTextTests
{
    [Fact]
    public void Detail_text_never_keeps_an_id_number_or_a_mobile_in_clear()
    {
        var cleaned = AuditText.Clean("负责人 11010519491231002X 手机13958201734，申请SQ20261123ABCD1234");
        Assert.Equal("负责人 110105********002X 手机139****1734，申请SQ20261123ABCD1234", cleaned);
        Assert.Equal(AuditRecord.DetailMaxLength, AuditText.Clean(new string('字', 600)).Length);
    }

    [Fact]
    public void Every_action_code_has_a_chinese_label()
    {
        Assert.Equal("审核通过", AuditActions.Label("Approve"));
        Assert.Equal("查看个人信息", AuditActions.Label(AuditActions.ReadPersonalData));
        Assert.All(AuditActions.All, a => Assert.NotEqual(a.Code, a.Label));
        Assert.All(Enum.GetValues<Beian.Core.Applications.ApplicationAction>(), a => Assert.NotEqual(a.ToString(), AuditActions.Label(AuditActions.For(a))));
        Assert.Equal("Unknown", AuditActions.Label("Unknown"));
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteAuditPlatform platform) : AuditTrailTests(platform), IClassFixture<SqliteAuditPlatform>;

public sealed class AuditTrailTests_Postgres(PostgresAuditPlatform platform) : AuditTrailTests(platform), IClassFixture<PostgresAuditPlatform>;
