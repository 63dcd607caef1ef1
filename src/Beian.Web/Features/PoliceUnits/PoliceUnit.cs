using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PoliceUnits;

/// <summary>
/// A 公安机关网安部门: the ministry, a province's 网安总队, a city's 网安支队 or a county's 网安大队.
/// Seeded from the reference catalog; administrators edit the contact phone and review limit.
/// </summary>
public class PoliceUnit : IVersioned
{
    /// <summary>The administrative-division code of the unit's area ("000000" for the ministry).</summary>
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public PoliceUnitLevel Level { get; set; }
    public string? ParentCode { get; set; }
    public string ContactPhone { get; set; } = string.Empty;
    public int ReviewLimitWorkingDays { get; set; } = 21;
    public int Version { get; set; }
}

internal sealed class PoliceUnitConfiguration : IEntityTypeConfiguration<PoliceUnit>
{
    public void Configure(EntityTypeBuilder<PoliceUnit> builder)
    {
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(6);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.ParentCode).HasMaxLength(6);
        builder.HasIndex(u => u.ParentCode);
        builder.Property(u => u.ContactPhone).HasMaxLength(30);
        builder.Property(u => u.Version).IsConcurrencyToken();
    }
}
