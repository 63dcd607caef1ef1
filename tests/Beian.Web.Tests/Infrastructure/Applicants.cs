using AngleSharp.Html.Dom;

namespace Beian.Web.Tests.Infrastructure;

public sealed record TestApplicant(string UserName, string Password, string Mobile, string Email);

/// <summary>Registers and logs in applicants through the real pages.</summary>
public static class Applicants
{
    public const string Password = "Beian#Test2026";

    public static TestApplicant NewIdentity()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var mobile = "139" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString();
        return new TestApplicant($"u{suffix}", Password, mobile, $"{suffix}@example.com");
    }

    /// <summary>Fills in and submits 注册 (<paramref name="page"/>: the form already open, else fetched now).</summary>
    public static async Task<IHtmlDocument> RegisterAsync(PlatformClient client, TestApplicant applicant, IHtmlDocument? page = null)
    {
        page ??= await client.GetAsync("/Accounts/Register");
        return await client.SubmitAsync(page, "注册", new Dictionary<string, string>
        {
            ["Input.UserName"] = applicant.UserName,
            ["Input.Password"] = applicant.Password,
            ["Input.ConfirmPassword"] = applicant.Password,
            ["Input.Mobile"] = applicant.Mobile,
            ["Input.Email"] = applicant.Email,
            ["CaptchaAnswer"] = PlatformFixture.CaptchaAnswer,
        });
    }

    public static async Task<IHtmlDocument> LoginAsync(PlatformClient client, string login, string password)
    {
        var page = await client.GetAsync("/Accounts/Login");
        return await client.SubmitAsync(page, "登录", new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = password,
            ["CaptchaAnswer"] = PlatformFixture.CaptchaAnswer,
        });
    }

    public static async Task<(PlatformClient Client, TestApplicant Applicant)> RegisteredAndLoggedInAsync(PlatformFixture platform)
    {
        var client = platform.NewClient();
        var applicant = NewIdentity();
        await RegisterAsync(client, applicant);
        var home = await LoginAsync(client, applicant.UserName, applicant.Password);
        Assert.Equal("/Home/Applicant", home.PathOf());
        return (client, applicant);
    }
}
