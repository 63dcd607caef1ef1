using Beian.Core.Filing;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Web.Features.Websites;

/// <summary>
/// The website pre-check as a JSON API, so that hosting providers can check a customer's filing
/// before the customer submits it. The same pre-check as the wizard (<see cref="WebsitePrecheck"/>); nothing is stored.
/// </summary>
public static class PrecheckEndpoints
{
    public static IEndpointRouteBuilder MapWebsitePrecheck(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/websites/precheck", PrecheckAsync)
            .WithName("WebsitePrecheck")
            .WithTags("Website pre-check")
            .WithSummary("网站备案预检 / Pre-check a website filing")
            .WithDescription("""
                Runs the platform's website pre-check rules (SPEC §10: naming rules for 个人 / non-government /
                non-national subjects, 前置许可 keywords, 论坛/bbs, domain and IP syntax (IDN allowed), ICP number
                format, 开通日期 and the 30-day filing window, required uploads) on a filing and returns every finding
                with its code, the form field it concerns, its severity (Error blocks submission, Warning goes to
                the reviewer) and a Chinese message. A main domain already held by a filed or pending website is
                reported when the site has a domain of its own (hasDomain). Enum values are their names, e.g. "Www", "Forum", "SimplifiedChinese". Nothing is stored.
                """)
            .Produces<PrecheckResponse>()
            .AllowAnonymous()
            .RequireRateLimiting("precheck");
        return routes;
    }

    private static async Task<PrecheckResponse> PrecheckAsync(PrecheckRequest request, WebsitePrecheck precheck, CancellationToken cancellationToken)
    {
        var findings = await precheck.CheckAsync(request.ToFacts(), null, null, cancellationToken);
        return new PrecheckResponse(!findings.Any(f => f.Severity == Severity.Error), findings.Select(PrecheckFinding.From).ToList());
    }
}

/// <summary>A website filing as a hosting provider knows it.</summary>
public sealed record PrecheckRequest(
    SubjectNature SubjectNature,
    OrganisationKind? OrganisationKind,
    string? SubjectName,
    string? Name,
    bool? HasIcpNumber,
    string? IcpNumber,
    DateOnly? OpenedOn,
    bool HasDomain,
    string? MainDomain,
    IReadOnlyList<string>? SubDomains,
    IReadOnlyList<string>? Ips,
    bool ProvidesInteractiveServices,
    IReadOnlyList<ServiceType>? ServiceTypes,
    bool PublishesDangerousGoods,
    IReadOnlyList<DangerousGoodsEntry>? DangerousGoods,
    bool HasPrePermits,
    IReadOnlyList<PrePermitEntry>? PrePermits,
    IReadOnlyList<SiteLanguage>? Languages)
{
    public WebsiteFacts ToFacts() => new()
    {
        SubjectNature = SubjectNature,
        OrganisationKind = OrganisationKind,
        SubjectName = SubjectName,
        Name = Name,
        HasIcpNumber = HasIcpNumber,
        IcpNumber = IcpNumber,
        OpenedOn = OpenedOn,
        HasDomain = HasDomain,
        MainDomain = MainDomain,
        SubDomains = SubDomains ?? [],
        Ips = Ips ?? [],
        Services = new ServiceDeclarationFacts
        {
            ProvidesInteractiveServices = ProvidesInteractiveServices,
            ServiceTypes = ServiceTypes ?? [],
            PublishesDangerousGoods = PublishesDangerousGoods,
            DangerousGoods = DangerousGoods ?? [],
            HasPrePermits = HasPrePermits,
            PrePermits = PrePermits ?? [],
            Languages = Languages ?? [],
        },
    };
}

public sealed record PrecheckResponse(bool Passed, IReadOnlyList<PrecheckFinding> Findings);

public sealed record PrecheckFinding(string Code, string Field, string Severity, string Message)
{
    public static PrecheckFinding From(Finding finding) => new(finding.Code, finding.Field, finding.Severity.ToString(), finding.Message);
}
