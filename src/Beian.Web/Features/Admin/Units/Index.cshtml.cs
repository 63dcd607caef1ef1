using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.Units;

/// <summary>公安机关管理: browse the unit tree level by level, search by name or code.</summary>
public class IndexModel(BeianDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Parent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PoliceUnit> Units { get; private set; } = [];
    public IReadOnlyList<PoliceUnit> Trail { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = db.PoliceUnits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Keyword))
        {
            var keyword = Keyword.Trim();
            query = query.Where(u => u.Name.Contains(keyword) || u.Code.StartsWith(keyword));
        }
        else
        {
            query = Parent == null ? query.Where(u => u.ParentCode == null) : query.Where(u => u.ParentCode == Parent);
            Trail = await TrailAsync(Parent);
        }
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Units = await query.OrderBy(u => u.Code).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    private async Task<IReadOnlyList<PoliceUnit>> TrailAsync(string? code)
    {
        var trail = new List<PoliceUnit>();
        while (code != null && trail.Count < 5)
        {
            var unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code);
            if (unit == null) break;
            trail.Insert(0, unit);
            code = unit.ParentCode;
        }
        return trail;
    }
}
