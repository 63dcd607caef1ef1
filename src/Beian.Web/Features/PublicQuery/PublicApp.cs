using Beian.Core.PoliceUnits;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The public face of one APP whose 公安备案号 is in force: what 公共查询 shows of it (APP名称, 平台, 开办主体性质,
/// 开办者名称 masked for an individual, 公安备案号, 备案地公安机关, 联网备案时间), in clear. Written by
/// <see cref="PublicApps"/> in the transaction of each decision that changes it, like <see cref="PublicWebsite"/>.
/// </summary>
public class PublicApp : PublicRecord
{
    public Guid AppId { get; set; }
    public string Platforms { get; set; } = string.Empty;
}

/// <summary>The name index of APPs: the same design as <see cref="PublicWebsiteGram"/>, one row per gram of each public APP's name.</summary>
public class PublicAppGram
{
    public string Gram { get; set; } = string.Empty;
    public DateTime FiledAt { get; set; }
    public Guid AppId { get; set; }
    public string NameKey { get; set; } = string.Empty;
}

internal sealed class PublicAppConfiguration : IEntityTypeConfiguration<PublicApp>
{
    public void Configure(EntityTypeBuilder<PublicApp> builder)
    {
        builder.HasKey(p => p.AppId);
        builder.Property(p => p.AppId).ValueGeneratedNever();
        builder.MapPublicRecord();
        builder.Property(p => p.Platforms).HasMaxLength(100);
        builder.HasIndex(p => new { p.FiledAt, p.AppId });
    }
}

internal sealed class PublicAppGramConfiguration : IEntityTypeConfiguration<PublicAppGram>
{
    public void Configure(EntityTypeBuilder<PublicAppGram> builder)
    {
        builder.ToTable("PublicAppGrams");
        builder.HasKey(g => new { g.Gram, g.FiledAt, g.AppId, g.NameKey });
        builder.Property(g => g.Gram).HasMaxLength(8);
    }
}

/// <summary>
/// Keeps <see cref="PublicApp"/> and its name grams in step with the decisions on APPs: filed or changed,
/// cancelled (alone or with its subject), its holder renamed by 变更主体. Tracked on the caller's context,
/// so it commits with the decision or not at all.
/// </summary>
public sealed class PublicApps(BeianDbContext db)
{
    /// <summary>An APP whose number has just come into force, or whose filing changed: the row as filed now.</summary>
    public async Task FiledAsync(App app, CancellationToken cancellationToken)
    {
        var row = await db.Set<PublicApp>().FirstOrDefaultAsync(p => p.AppId == app.Id, cancellationToken);
        var gramsBefore = row == null ? [] : GramsOf(row);
        if (row == null) db.Add(row = new PublicApp { AppId = app.Id });
        await db.FillAsync(row, app, cancellationToken);
        row.Platforms = app.Platforms;
        SyncGrams(gramsBefore, GramsOf(row));
    }

    /// <summary>注销APP or 注销主体 approved: the number is no longer in force.</summary>
    public async Task RemoveAsync(Guid appId, CancellationToken cancellationToken)
    {
        var row = await db.Set<PublicApp>().FirstOrDefaultAsync(p => p.AppId == appId, cancellationToken);
        if (row == null) return;
        SyncGrams(GramsOf(row), []);
        db.Remove(row);
    }

    /// <summary>An approved 变更主体: the holder's name (and nature) as the public sees it.</summary>
    public async Task HolderChangedAsync(Subject subject, CancellationToken cancellationToken)
    {
        foreach (var row in await db.Set<PublicApp>().Where(p => p.SubjectId == subject.Id).ToListAsync(cancellationToken))
            row.HeldBy(subject);
    }

    private static List<PublicAppGram> GramsOf(PublicApp row) => NameGrams.Of(row.NameKey)
        .Select(gram => new PublicAppGram { Gram = gram, FiledAt = row.FiledAt, AppId = row.AppId, NameKey = row.NameKey }).ToList();

    private void SyncGrams(List<PublicAppGram> before, List<PublicAppGram> after) =>
        NameIndexRows.Sync(db.Set<PublicAppGram>(), before, after, g => [g.Gram, g.FiledAt, g.AppId, g.NameKey]);
}
