using Beian.Core.Applications;
using Beian.Core.Numbering;
using Beian.Web.Data;
using Beian.Web.Features.Unfiled;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Websites;

/// <summary>网站认领: an offline filing is completed through the wizard, reviewed, and keeps its number.</summary>
public abstract class ClaimTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_claimed_offline_filing_is_prefilled_reviewed_and_keeps_its_number()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var domain = $"old{Guid.NewGuid():N}"[..12] + ".com";
        var serial = Random.Shared.Next(900000, 999999);
        var number = PublicSecurityNumber.Create("330106", FilingCategory.Website, serial);
        var filingId = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var filing = new OfflineFiling
            {
                Id = Guid.NewGuid(), NumberDigits = number.Digits, NumberDisplay = number.Display, SiteName = "老网站",
                DomainsText = domain, SubjectName = "北京小米科技有限责任公司", CertificateHash = "x", FiledOn = new DateOnly(2016, 5, 1),
                ImportedByUnitCode = "330106", ImportedAt = DateTime.UtcNow, Status = OfflineFilingStatus.Pending,
            };
            db.Set<OfflineFiling>().Add(filing);
            await db.SaveChangesAsync();
            return filing.Id;
        });

        var step1 = await client.GetAsync($"/Websites/New?claim={filingId}");
        Assert.Contains("保留原公安备案号", step1.Text());
        var step2 = await client.SubmitAsync(step1, "下一步");
        Assert.Equal(domain, (step2.QuerySelector("[name='BasicInfo.MainDomain']") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);

        var fields = WebsiteWizardTests.BasicInfo(domain);
        fields["BasicInfo.Name"] = "老网站";
        var detail = await WebsiteFlows.FileWebsiteAsync(client, domain, step2, fields);
        Assert.Contains("网站认领", detail.Text());

        var (websiteId, display) = await WebsiteFlows.ApproveAsync(platform, detail);
        Assert.Equal(number.Display, display);
        var status = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Set<OfflineFiling>()
            .Where(f => f.Id == filingId).Select(f => f.Status).SingleAsync());
        Assert.Equal(OfflineFilingStatus.Claimed, status);
    }
}

public sealed class ClaimTests_Sqlite(SqlitePlatform platform) : ClaimTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ClaimTests_Postgres(PostgresPlatform platform) : ClaimTests(platform), IClassFixture<PostgresPlatform>;
