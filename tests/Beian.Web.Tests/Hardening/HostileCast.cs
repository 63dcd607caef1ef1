using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Hardening;

/// <summary>Someone sending hostile requests: their session and the antiforgery token it was given.</summary>
public sealed record Attacker(string Name, PlatformClient Client, string Token, bool HasSession, bool IsOwner = false);

/// <summary>
/// The people of the hostile suite, made once per platform: an owner whose subject, website application and
/// website give the ids in routes, and the attackers: anonymous, the owner (whose subject reaches the
/// filing handlers), another applicant, an officer of another county, and an administrator (who reaches
/// the admin pages' handlers).
/// </summary>
public sealed record HostileCast(string OwnerUserId, IReadOnlyList<Guid> OwnerIds, IReadOnlyList<Attacker> Attackers)
{
    /// <summary>The owner's county is 西湖区 (330106); the officer's 滨江区.</summary>
    private const string OtherCounty = "330108";

    public static async Task<HostileCast> CreateAsync(PlatformFixture platform)
    {
        var (owner, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var detail = await WebsiteFlows.FileWebsiteAsync(owner, $"h{Guid.NewGuid():N}"[..12] + ".com");
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var (websiteId, ownerUserId) = await platform.ScopedAsync(async s => await s.GetRequiredService<BeianDbContext>().Applications
            .Where(a => a.Id == applicationId).Select(a => new ValueTuple<Guid, string>(a.TargetId!.Value, a.OwnerUserId)).SingleAsync());

        var anonymous = platform.NewClient();
        var (applicant, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var (officer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, OtherCounty);
        var (administrator, _) = await PoliceLogin.StaffAsync(platform, Roles.Administrator, null, "/Admin");
        return new HostileCast(ownerUserId, [applicationId, subjectId, websiteId],
        [
            new Attacker("匿名访客", anonymous, await TokenAsync(anonymous, "/Accounts/Login"), HasSession: false),
            new Attacker("申请人本人", owner, await TokenAsync(owner, "/Subjects/New?fresh=true"), HasSession: true, IsOwner: true),
            new Attacker("另一申请人", applicant, await TokenAsync(applicant, "/Subjects/New?fresh=true"), HasSession: true),
            new Attacker("其他区县民警", officer, await TokenAsync(officer, "/Profile/ChangePassword"), HasSession: true),
            new Attacker("管理员", administrator, await TokenAsync(administrator, "/Profile/ChangePassword"), HasSession: true),
        ]);
    }

    private static async Task<string> TokenAsync(PlatformClient client, string formPage) =>
        (await client.GetAsync(formPage)).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
}

/// <summary>A platform that makes its <see cref="HostileCast"/> once, for all the suite's tests on it.</summary>
public interface IHostilePlatform
{
    Task<HostileCast> CastAsync();
}

public sealed class HostileSqlitePlatform : SqlitePlatform, IHostilePlatform
{
    private readonly Lazy<Task<HostileCast>> _cast;

    public HostileSqlitePlatform() => _cast = new(() => HostileCast.CreateAsync(this));

    public Task<HostileCast> CastAsync() => _cast.Value;
}

public sealed class HostilePostgresPlatform : PostgresPlatform, IHostilePlatform
{
    private readonly Lazy<Task<HostileCast>> _cast;

    public HostilePostgresPlatform() => _cast = new(() => HostileCast.CreateAsync(this));

    public Task<HostileCast> CastAsync() => _cast.Value;
}
