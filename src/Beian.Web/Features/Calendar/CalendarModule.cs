namespace Beian.Web.Features.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<HolidayCalendars>();
        services.AddHostedService<HolidayCalendarRefresh>();
        services.AddScoped<HolidayYears>();
        return services;
    }
}
