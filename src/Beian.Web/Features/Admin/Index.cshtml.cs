using Beian.Web.Features.Calendar;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin;

/// <summary>管理首页: the administrators' areas, and a year of holidays that deadlines reach before it is entered.</summary>
public class IndexModel(HolidayYears holidayYears) : PageModel
{
    public IReadOnlyList<int> MissingHolidayYears { get; private set; } = [];

    public void OnGet() => MissingHolidayYears = holidayYears.MissingYears();
}
