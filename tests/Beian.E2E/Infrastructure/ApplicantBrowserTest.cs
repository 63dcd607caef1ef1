using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;

namespace Beian.E2E.Infrastructure;

/// <summary>What an applicant's browser tests share: registering, the address selects, the left menu, images to upload.</summary>
public abstract class ApplicantBrowserTest(PlatformServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    protected const string Password = "Beian#2026ok";

    private readonly string _files = Directory.CreateTempSubdirectory("beian-e2e-").FullName;

    protected async Task<string> RegisterAndLogInAsync()
    {
        var username = "e2e" + RandomChars("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true }).ClickAsync();
        await Label("用户名").FillAsync(username);
        await Label("密码").FillAsync(Password);
        await Label("确认密码").FillAsync(Password);
        await Label("手机号码").FillAsync("139" + RandomChars("0123456789", 8));
        await Label("电子邮件").FillAsync(username + "@example.com");
        await Label("验证码").FillAsync(PlatformServer.CaptchaAnswer);
        await Button("注册").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/Accounts/Login", RegexOptions.IgnoreCase));
        await Expect(Page.GetByText("注册成功").First).ToBeVisibleAsync();
        await Label("用户名/手机号").FillAsync(username);
        await Label("密码").FillAsync(Password);
        await Label("验证码").FillAsync(PlatformServer.CaptchaAnswer);
        await ScreenshotAsync("01-login");
        await Button("登录").ClickAsync();
        await Expect(Button("退出")).ToBeVisibleAsync();
        return username;
    }

    /// <summary>省份 → 城市 → 区县 (address.js loads each list after the choice above), then its 详细地址 (单位办公地址 → 单位办公详细地址).</summary>
    protected async Task FillAddressAsync(string legend, string province, string city, string county, string detail)
    {
        var group = Address(legend);
        var citySelect = group.GetByLabel("城市", new() { Exact = true });
        var countySelect = group.GetByLabel("区县", new() { Exact = true });

        await group.GetByLabel("省份", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = province });
        await Expect(citySelect.Locator("option", new() { HasText = city })).ToBeAttachedAsync();
        await citySelect.SelectOptionAsync(new SelectOptionValue { Label = city });
        await Expect(countySelect.Locator("option", new() { HasText = county })).ToBeAttachedAsync();
        await countySelect.SelectOptionAsync(new SelectOptionValue { Label = county });
        await group.GetByLabel(DetailLabelOf(legend), new() { Exact = true }).FillAsync(detail);
    }

    protected static string DetailLabelOf(string addressLegend) => addressLegend[..^2] + "详细地址";

    /// <summary>Opens a group of the left menu (a &lt;details&gt;) if it is folded, then follows the item.</summary>
    protected async Task OpenMenuItemAsync(string group, string item)
    {
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "业务办理" });
        var link = menu.GetByRole(AriaRole.Link, new() { Name = item, Exact = true });
        if (!await link.IsVisibleAsync())
        {
            await menu.Locator("summary", new() { HasTextRegex = new Regex("^\\s*" + group + "\\s*$") }).ClickAsync();
        }
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
    }

    /// <summary>
    /// 【下一步】 of a filing wizard, then the step bar marks the step after the one shown. When the page stays or is
    /// replaced by an error page, the failure says which page it is and what it says, not only that a field of
    /// the next step never came.
    /// </summary>
    protected async Task NextStepAsync()
    {
        var current = Page.Locator(".stepbar li[aria-current=step]");
        var expected = (await Page.Locator(".stepbar li[aria-current=step] + li").TextContentAsync())?.Trim()
                       ?? throw new InvalidOperationException("【下一步】 on the last step of the wizard.");
        await Button("下一步").ClickAsync();
        try
        {
            await Expect(current).ToHaveTextAsync(expected);
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"【下一步】 did not lead to {expected}: {await WhatThePageSaysAsync()}");
        }
    }

    /// <summary>The page's address, title, current step and every message shown on it, for a failure's text.</summary>
    private async Task<string> WhatThePageSaysAsync()
    {
        var messages = await Page.Locator(".field-validation-error:not(:empty), .validation-summary-errors li, .alert-danger, .alert-warning")
            .AllInnerTextsAsync();
        var step = await Page.Locator(".stepbar li[aria-current=step]").AllInnerTextsAsync();
        return $"{Page.Url} 《{await Page.TitleAsync()}》 step [{string.Join(", ", step)}], messages [{string.Join(" | ", messages)}]";
    }

    protected ILocator Address(string legend) => Page.GetByRole(AriaRole.Group, new() { Name = legend });

    protected ILocator Label(string text) => Page.GetByLabel(text, new() { Exact = true });

    protected ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>A small real PNG (a drawn card), written under a temp folder with the given name.</summary>
    protected string Png(string fileName)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(240, 150, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xF4, 0xF6, 0xFA));
            using var paint = new SKPaint { Color = new SKColor(0x1F, 0x4E, 0x9E), IsAntialias = true };
            canvas.DrawRect(12, 12, 216, 20, paint);
            canvas.DrawCircle(60, 95, 30, paint);
            for (var y = 70; y <= 120; y += 16)
            {
                canvas.DrawRect(110, y, 110, 6, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var path = Path.Combine(_files, fileName);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>A file of the given bytes, written under a temp folder with the given name.</summary>
    protected string FileOf(string fileName, byte[] content)
    {
        var path = Path.Combine(_files, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A one-page PDF with a correct cross-reference table, written under a temp folder with the given name.</summary>
    protected string Pdf(string fileName)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var text = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append($"{offset:0000000000} 00000 n \n");
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var path = Path.Combine(_files, fileName);
        File.WriteAllText(path, text.ToString(), System.Text.Encoding.ASCII);
        return path;
    }

    /// <summary>
    /// A fresh .com domain starting with <paramref name="prefix"/>. No "b" in the random part: a label holding "bbs"
    /// is a forum, which needs 电子公告 (one draw in 3,000 would fail step ②).
    /// </summary>
    protected static string RandomDomain(string prefix) => prefix + RandomChars("acdefghijklmnopqrstuvwxyz", 8) + ".com";

    protected static string RandomChars(string alphabet, int length) =>
        string.Create(length, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[Random.Shared.Next(chars.Length)];
            }
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_files, recursive: true);
        }
        catch (IOException) { }
    }
}
