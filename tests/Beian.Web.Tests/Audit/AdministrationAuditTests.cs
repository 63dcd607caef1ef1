using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Audit;

/// <summary>The administrators' state changes are audited too: police units and staff accounts.</summary>
public abstract class AdministrationAuditTests(PlatformFixture platform)
{
    [Fact]
    public async Task Editing_a_units_phone_and_limit_is_recorded_with_the_old_and_new_values()
    {
        platform.RequireAvailable();
        var (admin, account) = await PoliceLogin.StaffAsync(platform, Roles.Administrator, null, "/Admin");
        var form = await admin.GetAsync("/Admin/Units/Edit/330109");
        var saved = await admin.SubmitAsync(form, "保存", new Dictionary<string, string>
        {
            ["ContactPhone"] = "0571-87651234",
            ["ReviewLimitWorkingDays"] = "7",
        });
        Assert.DoesNotContain("validation-summary-errors", saved.Body!.OuterHtml);

        var record = await RecordsAsync(r => r.ObjectType == "PoliceUnit" && r.ObjectId == "330109");
        var change = Assert.Single(record);
        Assert.Equal("ChangeSettings", change.Action);
        Assert.Equal(account.UserId, change.UserId);
        Assert.Contains("审核时限 21 → 7", change.Detail);
        Assert.Contains("→ 0571-87651234", change.Detail);
    }

    [Fact]
    public async Task A_new_police_account_and_its_role_are_recorded_without_its_password()
    {
        platform.RequireAvailable();
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        var records = await RecordsAsync(r => r.ObjectType == "Account" && r.ObjectId == officer.UserId);
        Assert.Contains(records, r => r.Action == "Create" && r.Detail.Contains(officer.UserName) && r.Detail.Contains("330106"));
        Assert.Contains(records, r => r.Action == "ChangeSettings" && r.Detail.Contains("授予角色 Reviewer"));
        Assert.All(records, r => Assert.DoesNotContain(officer.Password, r.Detail));
        Assert.All(records, r => Assert.DoesNotContain(officer.Mobile, r.Detail));
    }

    private Task<List<Beian.Web.Features.Audit.AuditRecord>> RecordsAsync(System.Linq.Expressions.Expression<Func<Beian.Web.Features.Audit.AuditRecord, bool>> where) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking().Where(where).ToListAsync());
}

public sealed class AdministrationAuditTests_Sqlite(SqlitePlatform platform) : AdministrationAuditTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AdministrationAuditTests_Postgres(PostgresPlatform platform) : AdministrationAuditTests(platform), IClassFixture<PostgresPlatform>;
