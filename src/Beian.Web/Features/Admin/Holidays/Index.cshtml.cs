using Beian.Core.Calendar;
using Beian.Web.Features.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin.Holidays;

/// <summary>节假日安排: the years the calendar knows, and the years deadlines already reach without a schedule.</summary>
public class IndexModel(HolidayYears years) : PageModel
{
    public IReadOnlyList<HolidayYearRow> Years { get; private set; } = [];
    public IReadOnlyList<int> Missing { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The list; with a year typed in its box, that year's page (录入或修改).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Request.Query.ContainsKey(nameof(Year)))
        {
            if (Year is >= HolidayYear.FirstYear and <= HolidayYear.LastYear) return RedirectToPage("/Admin/Holidays/Edit", new { year = Year });
            ModelState.AddModelError(nameof(Year), $"请输入{HolidayYear.FirstYear}至{HolidayYear.LastYear}之间的年份");
        }
        Years = await years.ListAsync(cancellationToken);
        Missing = years.MissingYears();
        Year ??= Missing.Count > 0 ? Missing[0] : years.Today.Year + 1;
        return Page();
    }
}
