using Beian.Core.Calendar;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Calendar;

/// <summary>How a year came into the calendar.</summary>
public enum HolidayYearSource
{
    Entered = 1,
    Imported = 2,
}

/// <summary>
/// A year's 法定节假日 and 调休上班日 that an administrator entered or imported; it wins over the same
/// year shipped with the platform. The dates are kept in the typed form (<see cref="HolidayYearText"/>).
/// </summary>
public class HolidayYearEntry : IVersioned
{
    public int Year { get; private set; }
    public string Holidays { get; private set; } = string.Empty;
    public string AdjustedWorkdays { get; private set; } = string.Empty;
    public HolidayYearSource Source { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedByUserId { get; private set; } = string.Empty;
    public int Version { get; set; }

    public static HolidayYearEntry For(int year) => new() { Year = year };

    public void Set(HolidayYear schedule, HolidayYearSource source, string userId, DateTime now)
    {
        Holidays = HolidayYearText.Format(schedule.Holidays);
        AdjustedWorkdays = HolidayYearText.Format(schedule.AdjustedWorkdays);
        (Source, UpdatedByUserId, UpdatedAt) = (source, userId, now);
    }

    public HolidayYear ToSchedule() =>
        new(Year, HolidayYearText.Parse(Holidays).Dates, HolidayYearText.Parse(AdjustedWorkdays).Dates);
}

internal sealed class HolidayYearEntryConfiguration : IEntityTypeConfiguration<HolidayYearEntry>
{
    public void Configure(EntityTypeBuilder<HolidayYearEntry> builder)
    {
        builder.ToTable("HolidayYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Holidays).HasMaxLength(4000);
        builder.Property(y => y.AdjustedWorkdays).HasMaxLength(4000);
        builder.Property(y => y.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(y => y.UpdatedByUserId).HasMaxLength(64);
        builder.Property(y => y.Version).IsConcurrencyToken();
    }
}
