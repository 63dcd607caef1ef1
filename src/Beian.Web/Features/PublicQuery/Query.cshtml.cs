using Beian.Core.PublicQuery;
using Beian.Web.Features.Captcha;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// 公共查询 (seed 000 二、1; SPEC §11): without login, by 网站名称, 域名 or 公安备案号 (or 自动识别),
/// the sites whose number is in force, each linking to its public record. A visitor who queries
/// often within a minute is asked for the image captcha first (<see cref="PublicQueryLimiter"/>).
/// The home page's search box sends the same <c>type</c> and <c>keyword</c>.
/// </summary>
[AllowAnonymous]
public class QueryModel(PublicSearch search, PublicQueryLimiter limiter, CaptchaService captcha) : CaptchaPageModel(captcha)
{
    public static readonly IReadOnlyList<(string Value, string Label)> Types =
    [
        ("auto", "自动识别"),
        ("name", PublicSearchKind.Name.Label()),
        ("domain", PublicSearchKind.Domain.Label()),
        ("number", PublicSearchKind.Number.Label()),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    /// <summary>The page of name results, as text so that "p=abc" is page 1 rather than an error.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public PublicSearchResult? Result { get; private set; }

    /// <summary>The kind the keyword was read as (the chosen one, or what 自动识别 found).</summary>
    public PublicSearchKind Kind { get; private set; }

    public bool CaptchaRequired { get; private set; }

    public string? Refusal { get; private set; }

    public string SelectedType => Types.Any(t => t.Value == Type) ? Type! : "auto";

    private string? _nameKey;

    /// <summary>A result's 网站名称 split around the piece a name query matched, which the page marks.</summary>
    public (string Before, string Matched, string After) NameParts(string name)
    {
        if (Result?.Kind != PublicSearchKind.Name) return (name, string.Empty, string.Empty);
        _nameKey ??= NameGrams.Normalize(Keyword);
        if (NameGrams.Locate(name, _nameKey) is not (var start, var length)) return (name, string.Empty, string.Empty);
        return (name[..start], name.Substring(start, length), name[(start + length)..]);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Kind = KindOf(Type, Keyword);
        if (string.IsNullOrWhiteSpace(Keyword)) return Page();
        var admission = await limiter.AdmitPageAsync(HttpContext, cancellationToken);
        switch (admission.Gate)
        {
            case PublicQueryGate.Refused:
                return Refused(admission);
            case PublicQueryGate.CaptchaRequired:
                CaptchaRequired = true;
                await NewCaptchaAsync();
                return Page();
        }
        var outcome = await search.RunAsync(Kind, Keyword, int.TryParse(PageText, out var page) ? page : 1, cancellationToken);
        if (outcome.Error != null) ModelState.AddModelError(nameof(Keyword), outcome.Error);
        Result = outcome.Result;
        return Page();
    }

    /// <summary>【查询】 with the captcha: a solved one lets the visitor on, and the query runs by GET as usual.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Kind = KindOf(Type, Keyword);
        var admission = await limiter.AdmitPageAsync(HttpContext, cancellationToken);
        if (admission.Gate == PublicQueryGate.Refused) return Refused(admission);
        if (!await CaptchaPassedAsync())
        {
            CaptchaRequired = true;
            await NewCaptchaAsync();
            return Page();
        }
        limiter.GrantPass(HttpContext, admission.Hit);
        return RedirectToPage(new { type = SelectedType, keyword = Keyword });
    }

    private IActionResult Refused(PublicQueryAdmission admission)
    {
        PublicQueryLimiter.Refuse(Response, admission);
        Refusal = admission.RefusalMessage;
        return Page();
    }

    private static PublicSearchKind KindOf(string? type, string? keyword) => type switch
    {
        "name" => PublicSearchKind.Name,
        "domain" => PublicSearchKind.Domain,
        "number" => PublicSearchKind.Number,
        _ => PublicSearchKinds.Detect(keyword),
    };
}
