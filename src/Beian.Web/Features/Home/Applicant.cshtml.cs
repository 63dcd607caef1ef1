using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Profile;
using Beian.Web.Features.Subjects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Home;

/// <summary>主页 of an applicant after login (seed 004 §3.2): the widgets of every business.</summary>
public class ApplicantModel(
    UserManager<ApplicationUser> users,
    SiteMessageQueries messages,
    BeianDbContext db,
    CurrentSubject current,
    Filing.BusinessPages businesses,
    Assessments.AssessmentService assessments,
    Reporting.ReporterService reporters) : AccountPageModel(users)
{
    public const int WidgetRows = 5;

    public SiteMessage? NewestUnread { get; private set; }
    public IReadOnlyList<SiteMessage> UnreadMessages { get; private set; } = [];
    public IReadOnlyList<FilingApplication> RecentApplications { get; private set; } = [];
    /// <summary>我的网站, 我的APP …: each business's newest records.</summary>
    public IReadOnlyList<Filing.RecordList> Businesses { get; private set; } = [];
    public Subject? Subject { get; private set; }
    /// <summary>安全评估: the current ones, 待评估 first.</summary>
    public Assessments.AssessmentList Assessments { get; private set; } = null!;

    /// <summary>我的应用市场 (seed 004's home page), newest first.</summary>
    public IReadOnlyList<Reporting.Reporter> AppStores { get; private set; } = [];

    /// <summary>"您当前尚无有效主体，请先申请主体": no subject that is valid or on its way.</summary>
    public bool HasNoSubject => Subject == null;

    public async Task OnGetAsync()
    {
        await LoadAccountAsync();
        NewestUnread = await messages.NewestUnreadAsync(Account.Id);
        UnreadMessages = await db.SiteMessages.AsNoTracking()
            .Where(m => m.UserId == Account.Id && m.ReadAt == null)
            .OrderByDescending(m => m.CreatedAt).Take(WidgetRows).ToListAsync();
        RecentApplications = await db.Applications.AsNoTracking()
            .Where(a => a.OwnerUserId == Account.Id)
            .OrderByDescending(a => a.SubmittedAt).Take(WidgetRows).ToListAsync();
        var lists = new List<Filing.RecordList>();
        foreach (var business in businesses.Businesses.All)
            lists.Add(new Filing.RecordList(business, await businesses.FilingOf(business).OfOwnerAsync(Account.Id, filedOnly: false, WidgetRows), Compact: true));
        Businesses = lists;
        Subject = await current.GetAsync();
        Assessments = new Assessments.AssessmentList(await assessments.CurrentOfOwnerAsync(Account.Id, WidgetRows), assessments.Today,
            Compact: true, Empty: "暂无待办的安全评估。");
        AppStores = (await reporters.OfOwnerAsync(Account.Id, Core.Reporting.ReporterRole.AppStore)).Take(WidgetRows).ToList();
    }
}
