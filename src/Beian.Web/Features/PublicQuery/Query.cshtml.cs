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
public class QueryModel(PublicSearch search, PublicServiceSearch services, Filing.Businesses businesses, PublicQueryLimiter limiter, CaptchaService captcha)
    : CaptchaPageModel(captcha)
{
    /// <summary>查询对象: websites (the default), APPs, 小程序 ….</summary>
    public IReadOnlyList<(string Value, string Label)> Scopes =>
        [("website", "网站"), .. businesses.PublicServices.Select(b => (b.PublicScope!, b.Noun))];

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    /// <summary>
    /// The business looked for when it is not websites: the one chosen, or the one whose category a typed number
    /// carries (03 in digits 7–8 is an APP's) whatever was chosen.
    /// </summary>
    public Filing.IBusiness? SearchedBusiness { get; private set; }

    /// <summary>The business chosen as 查询对象, null for websites.</summary>
    public Filing.IBusiness? ScopeBusiness => businesses.ByPublicScope(Scope);

    public PublicServiceSearchResult? ServiceResult { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Label)> Types =
    [
        ("auto", "自动识别"),
        ("name", "名称"),
        ("domain", "域名（网站）"),
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

    public string SelectedScope => ScopeBusiness?.PublicScope ?? "website";

    private string? _nameKey;

    /// <summary>A result's 网站名称 split around the piece a name query matched, which the page marks.</summary>
    public (string Before, string Matched, string After) NameParts(string name)
    {
        if (Kind != PublicSearchKind.Name) return (name, string.Empty, string.Empty);
        _nameKey ??= NameGrams.Normalize(Keyword);
        if (NameGrams.Locate(name, _nameKey) is not (var start, var length)) return (name, string.Empty, string.Empty);
        return (name[..start], name.Substring(start, length), name[(start + length)..]);
    }

    /// <summary>What the page lists: the websites or the APPs, 小程序 … found, as result cards.</summary>
    public QueryResults? Results =>
        Result is { } sites ? new QueryResults(Kind.Label(), Keyword ?? "", "网站", sites.Total, sites.TooMany, sites.Incomplete,
                sites.Items.Select(SiteCard).ToList(), sites.Page, sites.PageCount, PublicSearch.TooManyMessage, PublicSearch.IncompleteMessage)
        : ServiceResult is { } found && SearchedBusiness is { } business
            ? new QueryResults(Kind == PublicSearchKind.Number ? Kind.Label() : $"{business.Noun}名称", Keyword ?? "", business.Noun, found.Total,
                found.TooMany, found.Incomplete, found.Items.Select(item => ServiceCard(business, item)).ToList(), found.Page, found.PageCount,
                PublicServiceSearch.TooManyMessage(business), PublicServiceSearch.IncompleteMessage(business))
        : null;

    private ResultCard SiteCard(PublicWebsiteItem item) => Card(item.Name, item.RecordUrl, item.Number,
    [
        ("联网备案时间", item.FiledAt.ToString("yyyy-MM-dd HH:mm")),
        ("主域名", item.MainDomain is { } main ? PublicWebsiteItem.DisplayDomain(main) : "无"),
        ("从域名", item.SubDomains.Count == 0 ? "无" : string.Join("、", item.SubDomains.Select(PublicWebsiteItem.DisplayDomain))),
        ("开办主体性质", item.SubjectNature),
        ("网站类别", item.WebsiteCategory),
        ("开办者名称", item.HolderName),
        ("备案地公安机关", item.PoliceUnit),
    ]);

    private ResultCard ServiceCard(Filing.IBusiness business, PublicServiceItem item) => Card(item.Name, item.RecordUrl, item.Number,
    [
        ("联网备案时间", item.FiledAt.ToString("yyyy-MM-dd HH:mm")),
        ("平台", item.Platforms),
        ($"{business.Noun}类别", item.Category),
        ("开办主体性质", item.SubjectNature),
        ("开办者名称", item.HolderName),
        ("备案地公安机关", item.PoliceUnit),
    ]);

    private ResultCard Card(string name, string recordUrl, string number, IReadOnlyList<(string, string)> fields)
    {
        var (before, matched, after) = NameParts(name);
        return new ResultCard(before, matched, after, recordUrl, number, fields);
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
        var page = int.TryParse(PageText, out var number) ? number : 1;
        SearchedBusiness = Kind == PublicSearchKind.Number && Beian.Core.Numbering.PublicSecurityNumber.TryParse(Keyword, out var typed, out _)
            ? businesses.ByCategory(typed.Category) is { PublicScope: not null } numbered ? numbered : null
            : ScopeBusiness;
        string? error;
        if (SearchedBusiness is { } business)
        {
            (ServiceResult, error) = await services.RunAsync(business, Kind, Keyword, page, cancellationToken);
        }
        else
        {
            var outcome = await search.RunAsync(Kind, Keyword, page, cancellationToken);
            (Result, error) = (outcome.Result, outcome.Error);
        }
        if (error != null) ModelState.AddModelError(nameof(Keyword), error);
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
        return RedirectToPage(new { scope = SelectedScope, type = SelectedType, keyword = Keyword });
    }

    private IActionResult Refused(PublicQueryAdmission admission)
    {
        PublicQueryLimiter.Refuse(Response, admission);
        Refusal = admission.RefusalMessage;
        return Page();
    }

    private PublicSearchKind KindOf(string? type, string? keyword) => type switch
    {
        "name" => PublicSearchKind.Name,
        "domain" => PublicSearchKind.Domain,
        "number" => PublicSearchKind.Number,
        // An APP or a 小程序 has no domain: a dotted name is still its name.
        _ when ScopeBusiness != null && PublicSearchKinds.Detect(keyword) == PublicSearchKind.Domain => PublicSearchKind.Name,
        _ => PublicSearchKinds.Detect(keyword),
    };
}

/// <summary>The results of 公共查询 as the page shows them, websites or APPs alike.</summary>
public sealed record QueryResults(string KindLabel, string Keyword, string Noun, int Total, bool TooMany, bool Incomplete,
    IReadOnlyList<ResultCard> Cards, int Page, int PageCount, string TooManyMessage, string IncompleteMessage);

/// <summary>One record found: its name split around the piece a name query matched, its record page, number and fields.</summary>
public sealed record ResultCard(string Before, string Matched, string After, string RecordUrl, string Number, IReadOnlyList<(string Label, string Value)> Fields);
