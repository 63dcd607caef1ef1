using Beian.Core.MiniPrograms;
using Beian.Web.Features.Filing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.MiniPrograms;

/// <summary>
/// A 小程序 (or 快应用) of a subject (<see cref="BusinessRecord"/>): its content is a <see cref="MiniProgramForm"/>;
/// beside it stand its platform and AppID, which the duplicate check (one 小程序, one subject) and the lists need.
/// </summary>
public class MiniProgram : BusinessRecord
{
    public const string Type = "MiniProgram";

    public MiniProgramPlatform? Platform { get; set; }

    /// <summary>The AppID (快应用: its 包名), normalised.</summary>
    public string? AppId { get; set; }

    /// <summary>所属平台 as lists and 公共查询 show it: the platform's name, or the one typed for 其他.</summary>
    public string PlatformName { get; set; } = string.Empty;

    public override string RecordType => Type;
    protected override string Noun => "小程序";

    public static MiniProgram NewPending(Guid subjectId, string ownerUserId, RecordStep step)
    {
        var miniProgram = new MiniProgram();
        miniProgram.Open(subjectId, ownerUserId, step);
        return miniProgram;
    }
}

internal sealed class MiniProgramConfiguration : IEntityTypeConfiguration<MiniProgram>
{
    public void Configure(EntityTypeBuilder<MiniProgram> builder)
    {
        builder.ToTable("MiniPrograms");
        builder.MapBusinessRecord();
        builder.Property(m => m.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AppId).HasMaxLength(MiniProgramIds.MaxLength);
        builder.Property(m => m.PlatformName).HasMaxLength(50);
        builder.HasIndex(m => new { m.Platform, m.AppId });
    }
}
