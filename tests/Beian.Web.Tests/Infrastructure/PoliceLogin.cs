namespace Beian.Web.Tests.Infrastructure;

/// <summary>A police officer created for a test and logged in with the SMS second factor, as a person would.</summary>
public static class PoliceLogin
{
    public static async Task<(PlatformClient Client, StaffAccount Officer)> OfficerAsync(PlatformFixture platform, string role, string unit)
    {
        var officer = await StaffAccounts.CreateAsync(platform, role, unit);
        return (await AsAsync(platform, officer), officer);
    }

    /// <summary>Any staff account (an administrator lands on /Admin) logged in the same way.</summary>
    public static async Task<(PlatformClient Client, StaffAccount Account)> StaffAsync(PlatformFixture platform, string role, string? unit, string landing)
    {
        var account = await StaffAccounts.CreateAsync(platform, role, unit);
        return (await AsAsync(platform, account, landing), account);
    }

    public static async Task<PlatformClient> AsAsync(PlatformFixture platform, StaffAccount officer, string landing = "/Police")
    {
        var client = platform.NewClient();
        await Applicants.LoginAsync(client, officer.UserName, officer.Password);
        var second = await client.GetAsync("/Accounts/SecondFactor");
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, officer.Mobile);
        var home = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.Equal(landing, home.PathOf());
        return client;
    }
}
