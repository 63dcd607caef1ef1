using System.Security.Claims;
using Beian.Core.Reporting;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Reporting;

/// <summary>备案状态查询: a 服务商's domains or an 应用市场's package names, one per line, and each one's status and 公安备案号.</summary>
public class LookupModel(ReporterService reporters, FilingStatusLookup lookup) : PageModel
{
    public const int MaxTextLength = 100_000;

    public Reporter Reporter { get; private set; } = null!;

    [BindProperty]
    [InputLimit(MaxTextLength)]
    public string? Identifiers { get; set; }

    public IReadOnlyList<FilingStatusItem>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.ClearBindingErrors(HttpContext);
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var lines = (Identifiers ?? string.Empty).Split(['\n', '\r', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var noun = FilingStatusLookup.IdentifierName(Reporter.Role);
        if (lines.Length == 0) ModelState.AddModelError(nameof(Identifiers), $"请填写要查询的{noun}，每行一个");
        else if (lines.Length > FilingStatusLookup.MaxItems) ModelState.AddModelError(nameof(Identifiers), $"一次最多查询{FilingStatusLookup.MaxItems}个{noun}，请分批查询");
        if (!ModelState.IsValid) return Page();
        Results = await lookup.LookUpAsync(Reporter.Role, lines, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reporters.OwnedAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken) is not { MayReport: true } reporter) return false;
        Reporter = reporter;
        return true;
    }
}
