using Beian.Core.Applications;
using Beian.Core.Numbering;
using Beian.Web.Features.Applications;
using Microsoft.AspNetCore.Routing;

namespace Beian.Web.Features.Filing;

/// <summary>Which of a business's three application kinds an application is.</summary>
public enum FilingPhase
{
    New,
    Change,
    Cancel,
}

/// <summary>
/// What makes one business of a subject (网站, APP, 小程序 …) itself, for the pages and services that
/// every business shares: its names, its 业务类型, its number's category, its form and how the form
/// reads for review. One instance per business is registered in DI (<see cref="BusinessRegistration.AddBusiness"/>).
/// </summary>
public interface IBusiness
{
    /// <summary>The route segment of its pages: /Websites/New, /Apps/Change ….</summary>
    string Segment { get; }

    /// <summary>网站, APP …: how the pages and messages name it.</summary>
    string Noun { get; }

    string RecordType { get; }

    FilingCategory Category { get; }

    BusinessType NewType { get; }

    BusinessType ChangeType { get; }

    BusinessType CancelType { get; }

    /// <summary>What the SMS code of its 注销 is for (its text names the business).</summary>
    Verification.VerificationPurpose CancelPurpose { get; }

    /// <summary>Every 业务类型 of this business (a website also has 网站认领).</summary>
    IReadOnlyCollection<BusinessType> Types { get; }

    Type FormType { get; }

    /// <summary>The title of step ② (网站基本信息) and the partial that edits it.</summary>
    string BasicInfoTitle { get; }

    string BasicInfoPartial { get; }

    /// <summary>The partial that shows a filing read-only (申请详情, 我的…详情).</summary>
    string SnapshotPartial { get; }

    /// <summary>Whether step ③ offers the optional 舆情引导员 (websites, older manuals).</summary>
    bool OffersOpinionGuide { get; }

    /// <summary>The partial that shows a filed record's 公安备案号 and how to display it (a website's footer code, an APP's 关于 page).</summary>
    string NumberPanelPartial { get; }

    /// <summary>The business's own buttons on 我的…详情 (an APP's 【版本信息】), beside 【变更】 and 【注销】.</summary>
    IReadOnlyList<RecordLink> DetailLinks(BusinessRecord record);

    /// <summary>Whether its forms take installation packages, which are larger than any other upload.</summary>
    bool TakesPackages { get; }

    /// <summary>
    /// How 公共查询 names it (查询对象 <c>scope</c>, <c>/api/public/{scope}s</c>) when its public face is a
    /// <see cref="PublicQuery.PublicService"/> row; null for websites, which have their own query.
    /// </summary>
    string? PublicScope { get; }

    /// <summary>The column that tells two records apart in lists (主域名, 包名) and its value.</summary>
    string IdentifierLabel { get; }

    string IdentifierOf(BusinessRecord record);

    /// <summary>The help above the list of 注销: when a record may be cancelled.</summary>
    string CancellationHelp { get; }

    /// <summary>Items 五 and 六 of the 责任告知书 in this business's words (seed 004 has the website's).</summary>
    string BadgeNotice { get; }

    string SuspensionNotice { get; }

    IBusinessForm NewForm();

    /// <summary>Every field of a filing as the reviewer reads it, in the form's order.</summary>
    IReadOnlyList<ReviewField> ReviewFields(IBusinessForm form);

    /// <summary>How the shared pages show, review, diff and correct each of its 业务类型.</summary>
    IEnumerable<ApplicationKind> ApplicationKinds();

    FilingPhase PhaseOf(BusinessType type) =>
        type == CancelType ? FilingPhase.Cancel : type == ChangeType ? FilingPhase.Change : FilingPhase.New;

    bool Handles(BusinessType type) => Types.Contains(type);

    string PagePath(string page) => $"/{Segment}/{page}";
}

/// <summary>A business whose form is <typeparamref name="TForm"/>: the typed half of <see cref="IBusiness"/>.</summary>
public abstract class Business<TForm> : IBusiness where TForm : class, IBusinessForm, new()
{
    public abstract string Segment { get; }
    public abstract string Noun { get; }
    public abstract string RecordType { get; }
    public abstract FilingCategory Category { get; }
    public abstract BusinessType NewType { get; }
    public abstract BusinessType ChangeType { get; }
    public abstract BusinessType CancelType { get; }
    public abstract Verification.VerificationPurpose CancelPurpose { get; }
    public virtual IReadOnlyCollection<BusinessType> Types => [NewType, ChangeType, CancelType];
    public Type FormType => typeof(TForm);
    public abstract string BasicInfoTitle { get; }
    public abstract string BasicInfoPartial { get; }
    public abstract string SnapshotPartial { get; }
    public virtual bool OffersOpinionGuide => false;
    public abstract string NumberPanelPartial { get; }
    public virtual bool TakesPackages => false;
    public virtual string? PublicScope => null;
    public virtual IReadOnlyList<RecordLink> DetailLinks(BusinessRecord record) => [];
    public abstract string IdentifierLabel { get; }
    public abstract string IdentifierOf(BusinessRecord record);
    public virtual string CancellationHelp => $"{Noun}不再开办时，请于5个工作日内提出注销申请。";
    public virtual string BadgeNotice => $"在{Noun}首页显著位置张贴公安机关核发的备案图标";
    public virtual string SuspensionNotice => $"公安机关将依法通知接入商暂停{Noun}接入";

    public IBusinessForm NewForm() => new TForm();

    public IReadOnlyList<ReviewField> ReviewFields(IBusinessForm form) =>
        [.. BasicInfoFields((TForm)form), .. PeopleReviewFields.Of(form.People, Noun, OffersOpinionGuide)];

    /// <summary>Step ② as the reviewer reads it.</summary>
    protected abstract IEnumerable<ReviewField> BasicInfoFields(TForm form);

    /// <summary>A field of step ② for the reviewer, under the step's title.</summary>
    protected ReviewField BasicField(string key, string label, string? value) => new(key, BasicInfoTitle, label, value ?? string.Empty);

    /// <summary>【版本信息】 on 详情 (the versions at <paramref name="versionsAnchor"/>), and 【增加版本】 through 变更 once filed.</summary>
    protected IReadOnlyList<RecordLink> VersionLinks(BusinessRecord record, string versionsAnchor) => record.Status == Core.Filing.FilingStatus.Filed
        ? [new("版本信息", versionsAnchor), new("增加版本", $"{((IBusiness)this).PagePath("Change")}?id={record.Id}")]
        : [new("版本信息", versionsAnchor)];

    /// <summary>The application kinds of this business for the shared pages: its form for new and change, the shared 注销 content.</summary>
    public IEnumerable<ApplicationKind> ApplicationKinds()
    {
        var draft = new RevokedDraft(NewType, TargetsSubject: true, id => $"/{Segment}/New?draft={id}");
        string Correct(Guid id) => $"/{Segment}/Correct?application={id}";
        foreach (var type in Types.Where(t => t != ChangeType && t != CancelType))
            yield return ApplicationKindsRegistration.Kind<TForm>(type, SnapshotPartial, form => ReviewFields(form), correctionUrl: Correct, draftOnRevoke: draft);
        yield return ApplicationKindsRegistration.Kind<TForm>(ChangeType, SnapshotPartial, form => ReviewFields(form),
            (before, after) => FieldChanges.Between(ReviewFields(before), ReviewFields(after)), Correct);
        yield return ApplicationKindsRegistration.Kind<CancellationRequest>(CancelType, CancellationRequest.SnapshotPartial, CancellationRequest.ReviewFields);
    }
}

/// <summary>The registered businesses, found by route segment or by 业务类型.</summary>
public sealed class Businesses(IEnumerable<IBusiness> all)
{
    public IReadOnlyList<IBusiness> All { get; } = all.ToList();

    public IBusiness? BySegment(string? segment) =>
        All.FirstOrDefault(b => string.Equals(b.Segment, segment, StringComparison.OrdinalIgnoreCase));

    public IBusiness? ByType(BusinessType type) => All.FirstOrDefault(b => b.Handles(type));

    /// <summary>The business whose numbers carry this category (websites' older numbers have none of their own).</summary>
    public IBusiness? ByCategory(FilingCategory? category) => category == null ? null : All.FirstOrDefault(b => b.Category == category);

    /// <summary>The businesses 公共查询 offers beside websites, by their <see cref="IBusiness.PublicScope"/>.</summary>
    public IEnumerable<IBusiness> PublicServices => All.Where(b => b.PublicScope != null);

    public IBusiness? ByPublicScope(string? scope) => PublicServices.FirstOrDefault(b => b.PublicScope == scope);
}

/// <summary>The <c>{business:business}</c> route constraint: a registered business's segment (Websites, Apps …).</summary>
public sealed class BusinessRouteConstraint(Businesses businesses) : IRouteConstraint
{
    public const string Name = "business";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && businesses.BySegment(value as string) != null;
}
