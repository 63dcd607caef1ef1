using Beian.Web.Features.Filing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Apps;

/// <summary>
/// An APP of a subject (<see cref="BusinessRecord"/>): its content is an <see cref="AppForm"/>; beside it
/// stand the identifiers that the duplicate check (one APP, one subject) and the lists need.
/// </summary>
public class App : BusinessRecord
{
    public const string Type = "App";

    /// <summary>The Android 包名, when the APP is offered on Android.</summary>
    public string? AndroidPackage { get; set; }
    /// <summary>The iOS Bundle ID.</summary>
    public string? IosBundleId { get; set; }
    /// <summary>The HarmonyOS 包名.</summary>
    public string? HarmonyPackage { get; set; }
    /// <summary>The platforms, as the lists show them ("Android、iOS").</summary>
    public string Platforms { get; set; } = string.Empty;

    public override string RecordType => Type;
    protected override string Noun => "APP";

    public static App NewPending(Guid subjectId, string ownerUserId, RecordStep step)
    {
        var app = new App();
        app.Open(subjectId, ownerUserId, step);
        return app;
    }
}

internal sealed class AppConfiguration : IEntityTypeConfiguration<App>
{
    public void Configure(EntityTypeBuilder<App> builder)
    {
        builder.ToTable("Apps");
        builder.MapBusinessRecord();
        builder.Property(a => a.AndroidPackage).HasMaxLength(Core.Apps.AppIdentifiers.MaxIdentifierLength);
        builder.Property(a => a.IosBundleId).HasMaxLength(Core.Apps.AppIdentifiers.MaxIdentifierLength);
        builder.Property(a => a.HarmonyPackage).HasMaxLength(Core.Apps.AppIdentifiers.MaxIdentifierLength);
        builder.Property(a => a.Platforms).HasMaxLength(100);
        builder.HasIndex(a => a.AndroidPackage);
        builder.HasIndex(a => a.IosBundleId);
        builder.HasIndex(a => a.HarmonyPackage);
    }
}
