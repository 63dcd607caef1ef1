using Beian.Core.PoliceUnits;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// What the public read row of any business shows (SPEC §11): its number, its name and the name as the
/// query compares it, who holds it (an individual's name already masked), whether it is interactive, the
/// unit that filed it and when. <see cref="PublicWebsite"/> and <see cref="PublicService"/> add their own.
/// </summary>
public abstract class PublicRecord
{
    public Guid SubjectId { get; set; }
    public string NumberDigits { get; set; } = string.Empty;
    public string NumberDisplay { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    /// <summary>The name as the query compares it (<see cref="NameGrams.Normalize"/>).</summary>
    public string NameKey { get; set; } = string.Empty;
    public SubjectNature SubjectNature { get; set; }
    /// <summary>开办者名称: a 单位's name, or an individual's name partly masked (张*).</summary>
    public string HolderName { get; set; } = string.Empty;
    public bool Interactive { get; set; }
    public string UnitCode { get; set; } = string.Empty;
    /// <summary>备案地公安机关: the unit names come from the reference catalog and are not edited.</summary>
    public string UnitName { get; set; } = string.Empty;
    public DateTime FiledAt { get; set; }
    /// <summary>
    /// The row's place in filing order, unique in its table and given once when the row is added (<see cref="FilingOrders"/>):
    /// the four bytes by which the name index (<see cref="PublicWebsiteGram"/>) finds it, newest first.
    /// </summary>
    public int FilingOrder { get; set; }

    /// <summary>An approved 变更主体: the holder's name (and nature) as the public sees it.</summary>
    public void HeldBy(Subject subject)
    {
        SubjectNature = subject.Nature;
        HolderName = Public.PublicHolder.NameOf(subject.Nature, subject.Name);
    }
}

public static class PublicRecords
{
    /// <summary>The row as the record is filed now, with its subject (found tracked or read) and its unit's name.</summary>
    public static async Task FillAsync(this BeianDbContext db, PublicRecord row, BusinessRecord record, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.FindAsync([record.SubjectId], cancellationToken)
            ?? throw new InvalidOperationException($"Subject {record.SubjectId} of {record.RecordType} {record.Id} does not exist.");
        row.SubjectId = record.SubjectId;
        row.NumberDigits = record.NumberDigits ?? throw new InvalidOperationException("A record is public only once it has a number.");
        row.NumberDisplay = record.NumberDisplay ?? string.Empty;
        row.Name = record.Name;
        row.NameKey = NameGrams.Normalize(record.Name);
        row.Interactive = record.Interactive;
        row.UnitCode = record.JurisdictionUnitCode;
        row.UnitName = await UnitNameAsync(db, record.JurisdictionUnitCode, cancellationToken);
        row.FiledAt = record.FiledAt ?? throw new InvalidOperationException("A record is public only once it is filed.");
        row.HeldBy(subject);
    }

    /// <summary>From the reference catalog the units are seeded from (no query inside the approval's lock), else from the table.</summary>
    private static async Task<string> UnitNameAsync(BeianDbContext db, string code, CancellationToken cancellationToken) =>
        PoliceUnitCatalog.Default.Find(code)?.Name
        ?? (await db.PoliceUnits.FindAsync([code], cancellationToken))?.Name
        ?? code;

    /// <summary>The columns every public row maps the same way.</summary>
    public static void MapPublicRecord<TRow>(this EntityTypeBuilder<TRow> builder) where TRow : PublicRecord
    {
        builder.Property(p => p.NumberDigits).HasMaxLength(14);
        builder.Property(p => p.NumberDisplay).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.SubjectNature).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.HolderName).HasMaxLength(200);
        builder.Property(p => p.UnitCode).HasMaxLength(6);
        builder.Property(p => p.UnitName).HasMaxLength(100);
        builder.HasIndex(p => p.NumberDigits).IsUnique();
        builder.HasIndex(p => p.SubjectId);
        // The name index's rows by their place; PostgreSQL's carries the name key for the recheck (PostgresBeianDbContext).
        builder.HasIndex(p => p.FilingOrder).IsUnique();
    }
}
