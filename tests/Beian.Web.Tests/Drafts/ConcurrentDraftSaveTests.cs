using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Drafts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Drafts;

/// <summary>A double-clicked 【下一步】 or two tabs save one draft at the same moment.</summary>
public abstract class ConcurrentDraftSaveTests(PlatformFixture platform)
{
    private sealed record Form(string Name);

    [Fact]
    public async Task Saves_of_one_draft_at_once_all_succeed_and_one_of_them_stands()
    {
        platform.RequireAvailable();
        var owner = $"owner-{Guid.NewGuid():N}";
        var target = Guid.NewGuid();
        await platform.ScopedAsync(async s => { await SaveAsync(s, owner, target, "first"); return true; });

        await using var secondServer = platform.Factory.WithWebHostBuilder(_ => { });
        await AtOnce.RunAsync([platform.Services, secondServer.Services, platform.Services, secondServer.Services],
            async (services, i) => { await SaveAsync(services, owner, target, $"save {i}"); return i; });

        var stood = await platform.ScopedAsync(async s =>
        {
            var drafts = s.GetRequiredService<DraftService>();
            var draft = await drafts.FindAsync(owner, BusinessType.NewWebsite, target);
            return (await drafts.LoadAsync<Form>(draft!.Id, owner, BusinessType.NewWebsite))!.Name;
        });
        Assert.Matches("^save [0-3]$", stood);
        Assert.Equal(1, await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Drafts.CountAsync(d => d.OwnerUserId == owner)));
    }

    [Fact]
    public async Task A_drafts_uploads_live_as_long_as_the_draft_and_are_purged_once_it_is_deleted()
    {
        platform.RequireAvailable();
        var owner = $"owner-{Guid.NewGuid():N}";
        var target = Guid.NewGuid();
        var file = await platform.ScopedAsync(async s =>
        {
            var saved = await s.GetRequiredService<Beian.Web.Features.Uploads.UploadService>()
                .SaveAsync(owner, Beian.Core.Uploads.UploadPurpose.DomainCertificate, "cert.png", new MemoryStream(Uploads.TestFiles.Png()));
            await s.GetRequiredService<DraftService>().SaveAsync(owner, BusinessType.NewWebsite, target, "新办网站", new Form("with file"), [saved.File!.Id]);
            return saved.File!.Id;
        });
        var clock = new ManualClock(DateTime.UtcNow.AddDays(20));
        Task<int> PurgeAsync() => platform.ScopedAsync(s =>
            ActivatorUtilities.CreateInstance<Beian.Web.Features.Uploads.UploadService>(s, (TimeProvider)clock).PurgeOrphansAsync());
        Task<bool> ExistsAsync() => platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().StoredFiles.AnyAsync(f => f.Id == file));

        await PurgeAsync(); // twenty days on, the draft still uses it
        Assert.True(await ExistsAsync());

        await platform.ScopedAsync(s => s.GetRequiredService<DraftService>().DeleteAsync(owner, BusinessType.NewWebsite, target));
        await PurgeAsync();
        Assert.False(await ExistsAsync());
    }

    private static Task SaveAsync(IServiceProvider services, string owner, Guid target, string name) =>
        services.GetRequiredService<DraftService>().SaveAsync(owner, BusinessType.NewWebsite, target, "新办网站", new Form(name));
}

public sealed class ConcurrentDraftSaveTests_Sqlite(SqlitePlatform platform) : ConcurrentDraftSaveTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ConcurrentDraftSaveTests_Postgres(PostgresPlatform platform) : ConcurrentDraftSaveTests(platform), IClassFixture<PostgresPlatform>;
