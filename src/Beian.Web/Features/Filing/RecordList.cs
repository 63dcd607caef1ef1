namespace Beian.Web.Features.Filing;

/// <summary>What <c>_RecordList</c> shows: a business's records, the action of the list (变更, 注销) or 【详情】.</summary>
public sealed record RecordList(IBusiness Business, IReadOnlyList<BusinessRecord> Records, RecordAction? Action = null, bool Compact = false)
{
    public string Empty => Action == null ? $"暂无{Business.Noun}。" : $"暂无已备案的{Business.Noun}。";

    /// <summary>我的网站 / 我的APP … 详情 of one record.</summary>
    public static string DetailUrl(IBusiness business, Guid id) => $"/My/{business.Segment}/{id}";
}

/// <summary>The button of a list: its label and the page of the business it opens (Change, Cancel).</summary>
public sealed record RecordAction(string Label, string Page);

/// <summary>What <c>_PeopleSnapshot</c> shows: a filing's people under their roles.</summary>
public sealed record PeopleSnapshot(BusinessPeople People, string Noun, bool OffersOpinionGuide = false);

/// <summary>A button of a record's page: its label and where it goes.</summary>
public sealed record RecordLink(string Label, string Href);
