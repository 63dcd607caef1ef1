using Beian.Core.PublicQuery;
using Beian.Web.Data;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The public face of one APP, 小程序 … whose 公安备案号 is in force: what 公共查询 shows of it (名称, 平台,
/// 开办主体性质, 类别, 开办者名称 masked for an individual, 公安备案号, 备案地公安机关, 联网备案时间), in clear.
/// One table for every business that is not a website, told apart by <see cref="RecordType"/>; written by
/// <see cref="PublicServices"/> in the transaction of each decision that changes it, like <see cref="PublicWebsite"/>.
/// </summary>
public class PublicService : PublicRecord
{
    public Guid RecordId { get; set; }
    /// <summary>The business (<see cref="BusinessRecord.RecordType"/>): App, MiniProgram ….</summary>
    public string RecordType { get; set; } = string.Empty;
    /// <summary>平台: "Android、iOS" for an APP, "微信" for a 小程序.</summary>
    public string Platforms { get; set; } = string.Empty;
}

/// <summary>The name index of <see cref="PublicService"/>: the design of <see cref="PublicWebsiteGram"/>, each business's grams apart (its RecordType leads the key).</summary>
public class PublicServiceGram
{
    public string RecordType { get; set; } = string.Empty;
    public int Gram { get; set; }
    public int FilingOrder { get; set; }
}

internal sealed class PublicServiceConfiguration : IEntityTypeConfiguration<PublicService>
{
    public void Configure(EntityTypeBuilder<PublicService> builder)
    {
        builder.ToTable("PublicServices");
        builder.HasKey(p => p.RecordId);
        builder.Property(p => p.RecordId).ValueGeneratedNever();
        builder.MapPublicRecord();
        builder.Property(p => p.RecordType).HasMaxLength(20);
        builder.Property(p => p.Platforms).HasMaxLength(100);
    }
}

internal sealed class PublicServiceGramConfiguration : IEntityTypeConfiguration<PublicServiceGram>
{
    public void Configure(EntityTypeBuilder<PublicServiceGram> builder)
    {
        builder.ToTable("PublicServiceGrams");
        builder.HasKey(g => new { g.RecordType, g.Gram, g.FilingOrder });
        builder.Property(g => g.RecordType).HasMaxLength(20);
    }
}

/// <summary>
/// Keeps <see cref="PublicService"/> and its name grams in step with the decisions on APPs, 小程序 …: filed or
/// changed, cancelled (alone or with its subject), its holder renamed by 变更主体. Tracked on the caller's
/// context, so it commits with the decision or not at all.
/// </summary>
public sealed class PublicServices(BeianDbContext db)
{
    /// <summary>A record whose number has just come into force, or whose filing changed: the row as filed now.</summary>
    public async Task FiledAsync(BusinessRecord record, string platforms, CancellationToken cancellationToken)
    {
        var row = await db.Set<PublicService>().FirstOrDefaultAsync(p => p.RecordId == record.Id, cancellationToken);
        var gramsBefore = row == null ? [] : GramsOf(row);
        if (row == null)
            db.Add(row = new PublicService { RecordId = record.Id, RecordType = record.RecordType, FilingOrder = await FilingOrders.NextAsync<PublicService>(db, cancellationToken) });
        await db.FillAsync(row, record, cancellationToken);
        row.Platforms = platforms;
        SyncGrams(gramsBefore, GramsOf(row));
    }

    /// <summary>注销 of the record or of its subject approved: the number is no longer in force.</summary>
    public async Task RemoveAsync(Guid recordId, CancellationToken cancellationToken)
    {
        var row = await db.Set<PublicService>().FirstOrDefaultAsync(p => p.RecordId == recordId, cancellationToken);
        if (row == null) return;
        SyncGrams(GramsOf(row), []);
        db.Remove(row);
    }

    /// <summary>An approved 变更主体: the holder's name (and nature) as the public sees it, on every business of the subject.</summary>
    public async Task HolderChangedAsync(Subject subject, string recordType, CancellationToken cancellationToken)
    {
        foreach (var row in await db.Set<PublicService>().Where(p => p.SubjectId == subject.Id && p.RecordType == recordType).ToListAsync(cancellationToken))
            row.HeldBy(subject);
    }

    private static List<PublicServiceGram> GramsOf(PublicService row) => NameGrams.CodesOf(row.NameKey)
        .Select(gram => new PublicServiceGram { RecordType = row.RecordType, Gram = gram, FilingOrder = row.FilingOrder })
        .ToList();

    private void SyncGrams(List<PublicServiceGram> before, List<PublicServiceGram> after) =>
        NameIndexRows.Sync(db.Set<PublicServiceGram>(), before, after, g => [g.RecordType, g.Gram, g.FilingOrder]);
}
