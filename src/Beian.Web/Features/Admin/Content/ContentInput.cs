using System.ComponentModel.DataAnnotations;
using Beian.Core.Content;
using Beian.Web.Features.Content;

namespace Beian.Web.Features.Admin.Content;

/// <summary>The form of one article, as typed; checked on the server with the messages shown beside each field.</summary>
public sealed class ContentInput
{
    [Display(Name = "栏目")]
    [Required(ErrorMessage = "请选择栏目")]
    public ContentKind? Kind { get; set; }

    [Display(Name = "标题")]
    [Required(ErrorMessage = "请输入标题")]
    [StringLength(ContentItem.TitleMaxLength, ErrorMessage = "标题不能超过100个字")]
    public string? Title { get; set; }

    [Display(Name = "正文")]
    [Required(ErrorMessage = "请输入正文")]
    [StringLength(ContentItem.BodyMaxLength, ErrorMessage = "正文不能超过50000个字符")]
    public string? Body { get; set; }

    [Display(Name = "置顶")]
    public bool Pinned { get; set; }

    /// <summary>Beijing time as typed; empty means "when it is published".</summary>
    [Display(Name = "发布时间")]
    public DateTime? PublishedAt { get; set; }

    public static ContentInput Of(ContentItem item) => new()
    {
        Kind = item.Kind,
        Title = item.Title,
        Body = item.BodyMarkdown,
        Pinned = item.Pinned,
        PublishedAt = item.PublishedAt is { } at ? Beian.Core.Time.BeijingTime.FromUtc(at) : null,
    };
}
