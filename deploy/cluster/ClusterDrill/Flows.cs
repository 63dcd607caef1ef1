using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using SkiaSharp;

namespace Beian.ClusterDrill;

/// <summary>
/// What applicants and the reviewer do, through the pages, as tests/Beian.Web.Tests does it: register
/// and log in (captcha: the cluster's Captcha__FixedAnswer), a 单位 subject in 宁波市海曙区 with its
/// four files, a website through the four steps, the reviewer's 开始审核 and 通过 (second factor
/// code read from /dev/outbox), and the upload example page.
/// </summary>
public static partial class Flows
{
    public const string CaptchaAnswer = "1234";
    public const string ApplicantPassword = "Beian#Drill2026";
    public const string Reviewer = "reviewer330203";
    public const string ReviewerMobile = "13812340006";
    public const string DemoPassword = "Beian#2026";

    public static async Task LoginAsync(Browser browser, string login, string password)
    {
        var page = await browser.SubmitAsync(await browser.GetAsync("/Accounts/Login"), "登录", new Dictionary<string, string>
        {
            ["Login"] = login, ["Password"] = password, ["CaptchaAnswer"] = CaptchaAnswer,
        });
        if (new Uri(page.Url).AbsolutePath is "/Accounts/Login") throw new DrillException($"login of {login} refused: {Browser.Summary(page)}");
    }

    public static async Task<string> RegisterAndLoginAsync(Browser browser)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var user = $"d{suffix}";
        await browser.SubmitAsync(await browser.GetAsync("/Accounts/Register"), "注册", new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = ApplicantPassword, ["Input.ConfirmPassword"] = ApplicantPassword,
            ["Input.Mobile"] = UniqueMobile(), ["Input.Email"] = $"{suffix}@example.com", ["CaptchaAnswer"] = CaptchaAnswer,
        });
        await LoginAsync(browser, user, ApplicantPassword);
        return user;
    }

    /// <summary>The reviewer of 海曙区 logged in with the SMS second factor.</summary>
    public static async Task LoginReviewerAsync(Browser browser)
    {
        await LoginAsync(browser, Reviewer, DemoPassword);
        var second = await browser.SubmitAsync(await browser.GetAsync("/Accounts/SecondFactor"), "发送验证码");
        var outbox = await browser.GetAsync("/dev/outbox");
        var body = outbox.QuerySelectorAll("tr.outbox-message[data-channel=Sms]")
            .FirstOrDefault(r => r.GetAttribute("data-recipient") == ReviewerMobile)?.QuerySelector(".outbox-body")?.TextContent
            ?? throw new DrillException("no second-factor SMS for the reviewer in /dev/outbox");
        var home = await browser.SubmitAsync(second, "验证并登录", new Dictionary<string, string>
        {
            ["Code"] = SixDigits().Match(body).Value, ["Method"] = "Sms",
        });
        if (new Uri(home.Url).AbsolutePath != "/Police") throw new DrillException($"second factor refused: {Browser.Summary(home)}");
    }

    /// <summary>新增主体 (a 单位 of 海曙区) submitted: its application id.</summary>
    public static async Task<Guid> SubmitSubjectAsync(Browser browser)
    {
        var form = await browser.GetAsync("/Subjects/New?fresh=true");
        var detail = await browser.SubmitAsync(form, "提交审核", SubjectFields(), new Dictionary<string, Upload>
        {
            ["Uploads.Licence.File"] = Png("licence.png"), ["Uploads.IdFront.File"] = Png("front.png"),
            ["Uploads.IdBack.File"] = Png("back.png"), ["Uploads.IdHandheld.File"] = Png("handheld.png"),
        });
        return ApplicationIdOf(detail);
    }

    /// <summary>新办网站申请 through the four steps, 【提交】 acknowledged: the application id.</summary>
    public static async Task<Guid> FileWebsiteAsync(Browser browser, string domain)
    {
        var step2 = await browser.SubmitAsync(await browser.GetAsync("/Websites/New?step=1"), "下一步");
        var step3 = await browser.SubmitAsync(step2, "下一步", BasicInfo(domain));
        if (step3.QuerySelector("#person-Principal") == null) throw new DrillException($"step ② refused: {Browser.Summary(step3)}");
        foreach (var person in new[] { "Principal", "SecurityOfficer", "EmergencyContact" })
            ((IHtmlInputElement)step3.QuerySelector($"#person-{person} legend input[name=SameAsSubject]")!).IsChecked = true;
        var filled = await browser.SubmitAsync(step3, "下一步");
        var step4 = filled.QuerySelector("#notice-title") != null ? filled : await browser.SubmitAsync(filled, "下一步");
        if (step4.QuerySelector("#notice-title") == null) throw new DrillException($"step ③ refused: {Browser.Summary(step4)}");
        return ApplicationIdOf(await browser.SubmitAsync(step4, "提交", new Dictionary<string, string> { ["Consent"] = "true" }));
    }

    /// <summary>开始审核 and 通过 on the review page; false when the page refused (its message in <paramref name="why"/>).</summary>
    public static async Task ApproveAsync(Browser reviewer, Guid applicationId)
    {
        var claimed = await reviewer.SubmitAsync(await reviewer.GetAsync($"/Police/Review/{applicationId}"), "开始审核");
        var decided = await reviewer.SubmitAsync(claimed, "通过");
        var status = decided.QuerySelector("#application-status")?.TextContent;
        if (status != "已通过") throw new DrillException($"approval of {applicationId} ended as {status ?? Browser.Summary(decided)}");
    }

    /// <summary>The upload example (/dev/upload): the field's error, or null when the file was saved.</summary>
    public static async Task<string?> UploadAsync(Browser browser)
    {
        var page = await browser.SubmitAsync(await browser.GetAsync("/dev/upload"), "保存", new Dictionary<string, string> { ["Input.Note"] = "集群演练" },
            new Dictionary<string, Upload> { ["Input.Photo.File"] = Png("身份证.png") });
        if (browser.LastStatus != HttpStatusCode.OK) return $"HTTP {(int)browser.LastStatus}";
        var error = page.QuerySelector("[data-valmsg-for='Input.Photo']")?.TextContent.Trim();
        if (!string.IsNullOrEmpty(error)) return error;
        return page.QuerySelector("a.saved-file") != null ? null : $"no saved file: {Browser.Summary(page)}";
    }

    private static Guid ApplicationIdOf(IHtmlDocument detail)
    {
        var url = new Uri(detail.Url);
        if (!url.AbsolutePath.StartsWith("/My/ApplicationDetail/", StringComparison.Ordinal))
            throw new DrillException($"not acknowledged: {Browser.Summary(detail)}");
        return Guid.Parse(url.Segments[^1]);
    }

    public static string UniqueMobile() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    public static Upload Png(string name)
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor((uint)Random.Shared.Next() | 0xFF000000) };
            canvas.DrawCircle(32, 24, 16, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new Upload(name, data.ToArray(), "image/png");
    }

    private static Dictionary<string, string> SubjectFields() => new()
    {
        ["Form.Nature"] = "Organisation",
        ["Form.OrganisationKind"] = "Enterprise",
        ["Form.Organisation.Name"] = "宁波演练科技有限公司",
        ["Form.Organisation.CertificateType"] = "UnifiedSocialCreditCode",
        ["Form.Organisation.CertificateNumber"] = "91110108551385082Q",
        ["Form.Organisation.OfficeAddress.ProvinceCode"] = "330000",
        ["Form.Organisation.OfficeAddress.CityCode"] = "330200",
        ["Form.Organisation.OfficeAddress.CountyCode"] = "330203",
        ["Form.Organisation.OfficeAddress.Detail"] = "中山西路100号",
        ["Form.Organisation.LegalRepresentative"] = "张伟",
        ["Form.Principal.Name"] = "李明",
        ["Form.Principal.CertificateType"] = "ResidentIdCard",
        ["Form.Principal.CertificateNumber"] = "11010519491231002X",
        ["Form.Principal.CertificateValidUntil"] = "2036-05-01",
        ["Form.Principal.ResidenceAddress.ProvinceCode"] = "330000",
        ["Form.Principal.ResidenceAddress.CityCode"] = "330200",
        ["Form.Principal.ResidenceAddress.CountyCode"] = "330203",
        ["Form.Principal.ResidenceAddress.Detail"] = "中山西路100号3幢2单元501室",
        ["Form.Principal.Mobile"] = UniqueMobile(),
        ["Form.Principal.OfficePhone"] = "0574-88156273",
        ["Form.Principal.Email"] = "liming@example.com",
    };

    private static Dictionary<string, string> BasicInfo(string domain) => new()
    {
        ["BasicInfo.Name"] = "宁波演练网站",
        ["BasicInfo.HasIcpNumber"] = "true",
        ["BasicInfo.IcpNumber"] = "浙ICP备10046444号-1",
        ["BasicInfo.OpenedOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"),
        ["BasicInfo.HasDomain"] = "true",
        ["BasicInfo.MainDomain"] = domain,
        ["BasicInfo.SubDomainsText"] = "m." + domain,
        ["BasicInfo.IpsText"] = "203.0.113.10",
        ["BasicInfo.AccessProvider.Scope"] = "境内",
        ["BasicInfo.AccessProvider.RegionCode"] = "330000",
        ["BasicInfo.AccessProvider.Name"] = "阿里云计算有限公司",
        ["BasicInfo.AccessMethod"] = "云服务器",
        ["BasicInfo.Registrar.Scope"] = "境内",
        ["BasicInfo.Registrar.RegionCode"] = "330000",
        ["BasicInfo.Registrar.Name"] = "阿里云计算有限公司",
        ["BasicInfo.ProvidesInteractiveServices"] = "false",
        ["BasicInfo.ServiceTypes"] = "Www",
        ["BasicInfo.PublishesDangerousGoods"] = "false",
        ["BasicInfo.HasPrePermits"] = "false",
        ["BasicInfo.Languages"] = "SimplifiedChinese",
    };

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
