using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Admin.PoliceUsers;
using Beian.Web.Infrastructure.PersonalData;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Beian.Web.Tests.Admin;

/// <summary>民警账号管理: administrators create and maintain police accounts (SPEC §1, §12).</summary>
public abstract partial class PoliceUserTests(PlatformFixture platform, ManualClock clock)
{
    [Fact]
    public async Task A_new_officer_gets_the_initial_password_by_sms_changes_it_at_first_login_and_reviews_their_county()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync("330106");
        using var admin = await LoggedInAdminAsync();
        var officer = NewOfficer();

        var created = await CreateOfficerAsync(admin, officer);
        Assert.Equal("/Admin/PoliceUsers/Edit/" + await UserIdOfAsync(officer.UserName), created.PathOf());
        Assert.Contains("初始密码已通过短信发送至 " + Masked(officer.Mobile), created.QuerySelector("#notice")!.TextContent);
        Assert.Equal("杭州市公安局西湖区分局网安大队", created.QuerySelector("#police-user-unit")!.TextContent);
        var stored = await StoredAsync(officer.UserName);
        Assert.Equal(AccountKind.Police, stored.Kind);
        Assert.Equal("330106", stored.PoliceUnitCode);
        Assert.True(stored.TwoFactorEnabled);
        Assert.NotNull(stored.MobileVerifiedAt);
        Assert.True(stored.MustChangePassword);
        Assert.DoesNotContain(officer.Mobile, stored.MobileCipher);
        Assert.Equal(platform.Scoped(s => s.GetRequiredService<PersonalDataProtector>().Hash(officer.Mobile)), stored.MobileHash);
        Assert.Equal([Roles.Reviewer], await RolesOfAsync(officer.UserName));

        var list = await admin.GetAsync("/Admin/PoliceUsers?Keyword=" + officer.UserName);
        var row = list.QuerySelector($"tr[data-user-name='{officer.UserName}']")!;
        var cells = row.Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal([officer.UserName, "王小明", "杭州市公安局西湖区分局网安大队", "审核民警", Masked(officer.Mobile), "短信"], cells[..6]);
        Assert.Equal("正常", row.QuerySelector(".status-approved")!.TextContent);
        Assert.Contains("待修改初始密码", cells[6]);
        Assert.Equal(["从未登录", "编辑"], cells[7..]);

        var password = await PasswordSentToAsync(officer.Mobile);
        Assert.Empty(Beian.Core.Accounts.PasswordPolicy.Default.Check(password, officer.UserName));
        using var client = platform.NewClient();
        var change = await StaffLoginAsync(client, officer.UserName, password, officer.Mobile);
        Assert.Equal("/Profile/ChangePassword", change.PathOf());
        Assert.NotNull(change.QuerySelector("#must-change-password"));
        Assert.Equal("/Profile/ChangePassword", (await client.GetAsync("/Police/Queue")).PathOf());

        var same = await client.SubmitAsync(change, "确认修改", new Dictionary<string, string>
        {
            ["OldPassword"] = password, ["NewPassword"] = password, ["ConfirmPassword"] = password,
        });
        Assert.Equal("新密码不能与原密码相同", same.FieldError("NewPassword"));
        var workbench = await client.SubmitAsync(same, "确认修改", new Dictionary<string, string>
        {
            ["OldPassword"] = password, ["NewPassword"] = OwnPassword, ["ConfirmPassword"] = OwnPassword,
        });
        Assert.Equal("/Police", workbench.PathOf());
        Assert.Equal("杭州市公安局西湖区分局网安大队", workbench.QuerySelector("#police-unit")!.TextContent);
        var queue = await client.GetAsync("/Police/Queue");
        Assert.Equal("/Police/Queue", queue.PathOf());
        Assert.Contains(filed, queue.QuerySelector("main")!.TextContent);

        Assert.False((await StoredAsync(officer.UserName)).MustChangePassword);
        using var again = platform.NewClient();
        Assert.Equal("/Police", (await StaffLoginAsync(again, officer.UserName, OwnPassword, officer.Mobile)).PathOf());
        var after = await admin.GetAsync("/Admin/PoliceUsers?Keyword=" + officer.UserName);
        Assert.DoesNotContain("从未登录", after.QuerySelector($"tr[data-user-name='{officer.UserName}']")!.TextContent);
    }

    [Fact]
    public async Task A_city_unit_may_have_a_supervisor_and_a_province_unit_is_chosen_by_leaving_the_city_empty()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var city = NewOfficer() with { County = "", Role = Roles.Supervisor };
        await CreateOfficerAsync(admin, city);
        Assert.Equal("330100", (await StoredAsync(city.UserName)).PoliceUnitCode);
        Assert.Equal([Roles.Supervisor], await RolesOfAsync(city.UserName));

        var province = NewOfficer() with { City = "", County = "", Role = Roles.Reviewer };
        await CreateOfficerAsync(admin, province);
        Assert.Equal("330000", (await StoredAsync(province.UserName)).PoliceUnitCode);

        var ministry = NewOfficer() with { Province = "000000", City = "", County = "", Role = Roles.Supervisor };
        var page = await CreateOfficerAsync(admin, ministry);
        Assert.Equal("公安部网络安全保卫局", page.QuerySelector("#police-user-unit")!.TextContent);
    }

    [Fact]
    public async Task Every_wrong_field_is_named_next_to_it_in_chinese_the_typed_values_stay_and_nothing_is_created()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var existing = NewOfficer();
        await CreateOfficerAsync(admin, existing);
        var before = await PoliceAccountCountAsync();

        async Task RefusedAsync(OfficerForm form, string field, string message, string? shownProvince = null)
        {
            var page = await SubmitNewAsync(admin, form);
            Assert.Equal("/Admin/PoliceUsers/New", page.PathOf());
            Assert.Equal(message, page.FieldError(field));
            Assert.Contains(message, page.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal(form.UserName, ValueOf(page, "Input.UserName"));
            Assert.Equal(form.Name, ValueOf(page, "Input.DisplayName"));
            Assert.Equal(form.Mobile, ValueOf(page, "Input.Mobile"));
            Assert.Equal(form.Email, ValueOf(page, "Input.Email"));
            Assert.Equal(shownProvince ?? form.Province, SelectedOf(page, "Input.Unit.ProvinceCode"));
            Assert.Equal(shownProvince == null ? form.City : "", SelectedOf(page, "Input.Unit.CityCode"));
            Assert.Equal(form.Role, page.QuerySelector("input[name='Input.Role']:checked")?.GetAttribute("value"));
            Assert.Equal(before, await PoliceAccountCountAsync());
        }

        await RefusedAsync(NewOfficer() with { UserName = existing.UserName }, "Input.UserName", "该用户名已被使用");
        await RefusedAsync(NewOfficer() with { Mobile = existing.Mobile }, "Input.Mobile", "该手机号码已被其他账号使用");
        await RefusedAsync(NewOfficer() with { Mobile = "12345678901" }, "Input.Mobile", "请输入11位中国大陆手机号码");
        await RefusedAsync(NewOfficer() with { Email = existing.Email }, "Input.Email", "该电子邮件地址已被其他账号使用");
        await RefusedAsync(NewOfficer() with { Role = Roles.Supervisor }, "Input.Role", "所选单位没有下级单位，不能设为上级单位，请选择审核民警");
        await RefusedAsync(NewOfficer() with { County = "330199" }, "Input.Unit.CountyCode", "所选区县级单位不存在或不属于所选地市级单位");
        await RefusedAsync(NewOfficer() with { County = "330206" }, "Input.Unit.CountyCode", "所选区县级单位不存在或不属于所选地市级单位");
        await RefusedAsync(NewOfficer() with { Province = "999900", City = "", County = "" }, "Input.Unit.ProvinceCode", "所选省级单位不存在，请重新选择", shownProvince: "");
        await RefusedAsync(NewOfficer() with { Province = "", City = "", County = "" }, "Input.Unit.ProvinceCode", "请选择所属单位");
        await RefusedAsync(NewOfficer() with { UserName = "9lives" }, "Input.UserName", "用户名为4至20位字母、数字或下划线，以字母开头");

        // A mobile is one number however it is spelt.
        await RefusedAsync(NewOfficer() with { Mobile = "+86 " + existing.Mobile }, "Input.Mobile", "该手机号码已被其他账号使用");
        // Applicants' numbers count too.
        var (_, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        await RefusedAsync(NewOfficer() with { Mobile = applicant.Mobile }, "Input.Mobile", "该手机号码已被其他账号使用");

        Assert.Equal(before, await PoliceAccountCountAsync());
        Assert.DoesNotContain((await OutboxReader.MessagesAsync(platform)), m => m.Body.Contains("9lives"));
    }

    [Fact]
    public async Task Without_javascript_the_unit_selects_are_refreshed_by_a_button_and_nothing_is_saved()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var form = NewOfficer() with { City = "", County = "" };
        var before = await PoliceAccountCountAsync();
        var page = await admin.GetAsync("/Admin/PoliceUsers/New");
        Assert.Empty(page.QuerySelectorAll("select[name='Input.Unit.CityCode'] option").Skip(1));

        var refreshed = await admin.SubmitAsync(page, "更新下级选项", FormOf(form).ToDictionary());
        Assert.Contains(refreshed.QuerySelectorAll("select[name='Input.Unit.CityCode'] option"), o => o.TextContent == "杭州市");
        Assert.Null(refreshed.QuerySelector(".validation-summary-errors"));
        Assert.Equal(form.UserName, ValueOf(refreshed, "Input.UserName"));

        refreshed = await admin.SubmitAsync(refreshed, "更新下级选项", new Dictionary<string, string> { ["Input.Unit.CityCode"] = "330100" });
        Assert.Contains(refreshed.QuerySelectorAll("select[name='Input.Unit.CountyCode'] option"), o => o.TextContent == "西湖区");
        Assert.Equal(before, await PoliceAccountCountAsync());
    }

    [Fact]
    public async Task A_disabled_officer_cannot_log_in_until_enabled_again()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var officer = await ReadyOfficerAsync(admin);
        var edit = await EditPageAsync(admin, officer.UserName);

        var disabled = await admin.SubmitAsync(edit, "停用");
        Assert.Equal("已停用", disabled.QuerySelector("#police-user-status")!.TextContent);
        Assert.Contains("账号已停用", disabled.QuerySelector("#notice")!.TextContent);
        using (var client = platform.NewClient())
        {
            var refused = await Applicants.LoginAsync(client, officer.UserName, OwnPassword);
            Assert.Equal("/Accounts/Login", refused.PathOf());
            Assert.Equal("该账号已停用，不能登录。如有疑问请联系管理员。", refused.FieldError("Password"));
            Assert.Equal("/Accounts/Login", (await client.GetAsync("/Police")).PathOf());
        }
        var list = await admin.GetAsync("/Admin/PoliceUsers?Status=Disabled&Keyword=" + officer.UserName);
        Assert.NotNull(list.QuerySelector($"tr[data-user-name='{officer.UserName}']"));
        Assert.Null((await admin.GetAsync("/Admin/PoliceUsers?Status=Normal&Keyword=" + officer.UserName)).QuerySelector($"tr[data-user-name='{officer.UserName}']"));

        var enabled = await admin.SubmitAsync(disabled, "启用");
        Assert.Equal("正常", enabled.QuerySelector("#police-user-status")!.TextContent);
        using var back = platform.NewClient();
        Assert.Equal("/Police", (await StaffLoginAsync(back, officer.UserName, OwnPassword, officer.Mobile)).PathOf());
    }

    [Fact]
    public async Task A_password_reset_sends_a_new_one_the_old_one_stops_working_and_the_new_one_must_be_changed()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var officer = await ReadyOfficerAsync(admin);
        using var session = platform.NewClient();
        Assert.Equal("/Police", (await StaffLoginAsync(session, officer.UserName, OwnPassword, officer.Mobile)).PathOf());

        var reset = await admin.SubmitAsync(await EditPageAsync(admin, officer.UserName), "重置密码");
        Assert.Contains("新密码已通过短信发送至 " + Masked(officer.Mobile), reset.QuerySelector("#notice")!.TextContent);
        // The login code and the reset share the manual clock's instant: find the reset by its words, not by its place.
        Assert.Contains(await OutboxReader.MessagesAsync(platform), m => m.Recipient == officer.Mobile && m.Body.Contains("密码已由管理员重置"));
        var password = await PasswordSentToAsync(officer.Mobile);
        Assert.NotEqual(OwnPassword, password);

        using (var old = platform.NewClient())
        {
            var refused = await Applicants.LoginAsync(old, officer.UserName, OwnPassword);
            Assert.Contains("用户名/手机号或密码错误", refused.FieldError("Password"));
        }
        using var client = platform.NewClient();
        var change = await StaffLoginAsync(client, officer.UserName, password, officer.Mobile);
        Assert.Equal("/Profile/ChangePassword", change.PathOf());
        var workbench = await client.SubmitAsync(change, "确认修改", new Dictionary<string, string>
        {
            ["OldPassword"] = password, ["NewPassword"] = "Another#Pw2027", ["ConfirmPassword"] = "Another#Pw2027",
        });
        Assert.Equal("/Police", workbench.PathOf());
    }

    [Fact]
    public async Task Resetting_the_authenticator_removes_the_binding_and_the_officer_falls_back_to_sms()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var officer = await ReadyOfficerAsync(admin);
        var key = await platform.ScopedAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByNameAsync(officer.UserName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            user.AuthenticatorConfirmedAt = DateTime.UtcNow;
            await users.UpdateAsync(user);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var list = await admin.GetAsync("/Admin/PoliceUsers?Keyword=" + officer.UserName);
        Assert.Contains("动态口令已绑定", list.QuerySelector($"tr[data-user-name='{officer.UserName}']")!.TextContent);

        var edit = await EditPageAsync(admin, officer.UserName);
        var reset = await admin.SubmitAsync(edit, "重置动态口令");
        Assert.Contains("动态口令绑定已解除", reset.QuerySelector("#notice")!.TextContent);
        Assert.Equal("短信", reset.QuerySelector("#police-user-second-factor")!.TextContent);
        Assert.DoesNotContain(reset.QuerySelectorAll("button"), b => b.TextContent == "重置动态口令");
        var stored = await StoredAsync(officer.UserName);
        Assert.Null(stored.AuthenticatorConfirmedAt);
        Assert.True(stored.TwoFactorEnabled);
        var newKey = await platform.ScopedAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().GetAuthenticatorKeyAsync(stored));
        Assert.NotEqual(key, newKey);

        using var client = platform.NewClient();
        var second = await Applicants.LoginAsync(client, officer.UserName, OwnPassword);
        Assert.Null(second.QuerySelector("#method-totp"));
        var stale = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string>
        {
            ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(), ["Method"] = "Authenticator",
        });
        Assert.Equal("/Accounts/SecondFactor", stale.PathOf());
        clock.Advance(TimeSpan.FromSeconds(61));
        var sent = await client.SubmitAsync(stale, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, officer.Mobile);
        var home = await client.SubmitAsync(sent, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.Equal("/Police", home.PathOf());
    }

    [Fact]
    public async Task Moving_an_officer_to_another_unit_changes_the_queue_they_see()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync("330106");
        using var admin = await LoggedInAdminAsync();
        var officer = await ReadyOfficerAsync(admin);
        using var client = platform.NewClient();
        await StaffLoginAsync(client, officer.UserName, OwnPassword, officer.Mobile);
        Assert.Contains(filed, (await client.GetAsync("/Police/Queue")).QuerySelector("main")!.TextContent);

        var edit = await EditPageAsync(admin, officer.UserName);
        var saved = await admin.SubmitAsync(edit, "保存", new Dictionary<string, string> { ["Input.Unit.CountyCode"] = "330108" });
        Assert.Contains("信息已保存", saved.QuerySelector("#notice")!.TextContent);
        Assert.Equal("杭州市公安局滨江区分局网安大队", saved.QuerySelector("#police-user-unit")!.TextContent);
        Assert.Equal("330108", (await StoredAsync(officer.UserName)).PoliceUnitCode);

        var queue = await client.GetAsync("/Police/Queue");
        Assert.Equal("/Police/Queue", queue.PathOf());
        Assert.DoesNotContain(filed, queue.QuerySelector("main")!.TextContent);
        Assert.Equal("杭州市公安局滨江区分局网安大队", (await client.GetAsync("/Police")).QuerySelector("#police-unit")!.TextContent);
    }

    [Fact]
    public async Task An_edit_is_validated_like_a_new_officer_and_keeps_what_was_typed()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var officer = NewOfficer();
        await CreateOfficerAsync(admin, officer);
        var other = NewOfficer();
        await CreateOfficerAsync(admin, other);

        var edit = await EditPageAsync(admin, officer.UserName);
        Assert.Equal(officer.Mobile, ValueOf(edit, "Input.Mobile"));
        Assert.Equal("330106", SelectedOf(edit, "Input.Unit.CountyCode"));
        Assert.Equal(Roles.Reviewer, edit.QuerySelector("input[name='Input.Role']:checked")?.GetAttribute("value"));

        var refused = await admin.SubmitAsync(edit, "保存", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "李新名", ["Input.Mobile"] = other.Mobile, ["Input.Role"] = Roles.Supervisor,
        });
        Assert.Equal("该手机号码已被其他账号使用", refused.FieldError("Input.Mobile"));
        Assert.Equal("所选单位没有下级单位，不能设为上级单位，请选择审核民警", refused.FieldError("Input.Role"));
        Assert.Equal("李新名", ValueOf(refused, "Input.DisplayName"));
        Assert.Equal(other.Mobile, ValueOf(refused, "Input.Mobile"));
        Assert.Equal("王小明", (await StoredAsync(officer.UserName)).DisplayName);

        // Its own mobile and email are not "taken"; a supervisor at the city is fine.
        var saved = await admin.SubmitAsync(refused, "保存", new Dictionary<string, string>
        {
            ["Input.Mobile"] = officer.Mobile, ["Input.Unit.CountyCode"] = "",
        });
        Assert.Contains("信息已保存", saved.QuerySelector("#notice")?.TextContent ?? saved.QuerySelector(".validation-summary-errors")?.TextContent);
        var stored = await StoredAsync(officer.UserName);
        Assert.Equal(("李新名", "330100"), (stored.DisplayName, stored.PoliceUnitCode));
        Assert.Equal([Roles.Supervisor], await RolesOfAsync(officer.UserName));
    }

    [Fact]
    public async Task Two_administrators_editing_one_officer_cannot_overwrite_each_other()
    {
        platform.RequireAvailable();
        using var first = await LoggedInAdminAsync();
        using var second = await LoggedInAdminAsync();
        var officer = NewOfficer();
        await CreateOfficerAsync(first, officer);
        var firstForm = await EditPageAsync(first, officer.UserName);
        var secondForm = await EditPageAsync(second, officer.UserName);

        await first.SubmitAsync(firstForm, "保存", new Dictionary<string, string> { ["Input.DisplayName"] = "第一位管理员" });
        var conflict = await second.SubmitAsync(secondForm, "保存", new Dictionary<string, string> { ["Input.DisplayName"] = "第二位管理员" });

        Assert.Contains(EditModel.ConcurrencyMessage, conflict.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("第二位管理员", ValueOf(conflict, "Input.DisplayName"));
        Assert.Equal("第一位管理员", (await StoredAsync(officer.UserName)).DisplayName);
    }

    [Fact]
    public async Task The_list_filters_by_unit_with_the_units_below_it_role_status_and_name()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var tag = "f" + Guid.NewGuid().ToString("N")[..6];
        var xihu = NewOfficer() with { UserName = tag + "xihu", Name = "西湖" + tag };
        var city = NewOfficer() with { UserName = tag + "city", County = "", Role = Roles.Supervisor };
        var ningbo = NewOfficer() with { UserName = tag + "ningbo", City = "330200", County = "330203" };
        foreach (var form in new[] { xihu, city, ningbo }) await CreateOfficerAsync(admin, form);

        async Task<string[]> ListedAsync(string query)
        {
            var page = await admin.GetAsync($"/Admin/PoliceUsers?Keyword={tag}&{query}");
            return page.QuerySelectorAll("#police-users tbody tr").Select(r => r.GetAttribute("data-user-name")!).Order().ToArray();
        }

        Assert.Equal([city.UserName, ningbo.UserName, xihu.UserName], await ListedAsync(""));
        Assert.Equal([city.UserName, xihu.UserName], await ListedAsync("Unit.ProvinceCode=330000&Unit.CityCode=330100"));
        Assert.Equal([city.UserName], await ListedAsync("Unit.ProvinceCode=330000&Unit.CityCode=330100&OwnUnitOnly=true"));
        Assert.Equal([xihu.UserName], await ListedAsync("Unit.ProvinceCode=330000&Unit.CityCode=330100&Unit.CountyCode=330106"));
        Assert.Equal([city.UserName], await ListedAsync("Role=Supervisor"));
        Assert.Equal([ningbo.UserName, xihu.UserName], await ListedAsync("Role=Reviewer"));
        Assert.Equal([xihu.UserName], (await admin.GetAsync("/Admin/PoliceUsers?Keyword=西湖" + tag))
            .QuerySelectorAll("#police-users tbody tr").Select(r => r.GetAttribute("data-user-name")!).ToArray());
        var byMobile = await admin.GetAsync("/Admin/PoliceUsers?Keyword=" + ningbo.Mobile);
        Assert.Equal([ningbo.UserName], byMobile.QuerySelectorAll("#police-users tbody tr").Select(r => r.GetAttribute("data-user-name")!).ToArray());

        // The filter's selects show the levels below the choice, so the next level can be picked without JavaScript.
        var filtered = await admin.GetAsync("/Admin/PoliceUsers?Unit.ProvinceCode=330000");
        Assert.Contains(filtered.QuerySelectorAll("select[name='Unit.CityCode'] option"), o => o.TextContent == "杭州市");
    }

    [Fact]
    public async Task Only_police_accounts_are_managed_here()
    {
        platform.RequireAvailable();
        using var admin = await LoggedInAdminAsync();
        var (applicantClient, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        applicantClient.Dispose();
        var otherAdmin = await StaffAccounts.CreateAsync(platform, Roles.Administrator, null);
        var applicantId = await UserIdOfAsync(applicant.UserName);

        foreach (var id in new[] { applicantId, otherAdmin.UserId })
        {
            await admin.GetAsync("/Admin/PoliceUsers/Edit/" + id);
            Assert.Equal(HttpStatusCode.NotFound, admin.LastResponse!.StatusCode);
        }
        var list = await admin.GetAsync("/Admin/PoliceUsers?Keyword=" + applicant.UserName);
        Assert.Empty(list.QuerySelectorAll("#police-users tbody tr"));

        // A disable posted for an applicant anyway (a crafted request) finds nothing.
        var page = await admin.GetAsync("/Admin/PoliceUsers/New");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var response = await admin.PostRawAsync($"/Admin/PoliceUsers/Edit/{applicantId}?handler=Disable",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await StoredAsync(applicant.UserName)).DisabledAt);
    }

    [Fact]
    public async Task Reviewers_supervisors_and_applicants_are_refused()
    {
        platform.RequireAvailable();
        var reviewer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        var supervisor = await StaffAccounts.CreateAsync(platform, Roles.Supervisor, "330100");
        var (applicant, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var clients = new List<PlatformClient> { applicant };
        foreach (var staff in new[] { reviewer, supervisor })
        {
            var client = platform.NewClient();
            Assert.Equal("/Police", (await StaffLoginAsync(client, staff.UserName, staff.Password, staff.Mobile)).PathOf());
            clients.Add(client);
        }
        using var admin = await LoggedInAdminAsync();
        var officer = NewOfficer();
        await CreateOfficerAsync(admin, officer);
        var officerId = await UserIdOfAsync(officer.UserName);

        foreach (var client in clients)
        {
            foreach (var path in new[] { "/Admin/PoliceUsers", "/Admin/PoliceUsers/New", "/Admin/PoliceUsers/Edit/" + officerId })
            {
                var response = await client.Http.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/Accounts/AccessDenied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
                var denied = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, client.LastResponse!.StatusCode);
                Assert.Contains("无权访问", denied.Text());
            }
            // A form posted anyway, with the caller's own valid antiforgery token, changes nothing.
            var token = (await client.GetAsync("/Profile/ChangePassword")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            var posted = await client.PostRawAsync($"/Admin/PoliceUsers/Edit/{officerId}?handler=Disable",
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var created = NewOfficer();
            await client.PostRawAsync("/Admin/PoliceUsers/New", FormOf(created).Append(new("__RequestVerificationToken", token)));
            Assert.Null(await platform.ScopedAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(created.UserName)));
            client.Dispose();
        }
        Assert.Null((await StoredAsync(officer.UserName)).DisabledAt);

        using var anonymous = platform.NewClient();
        Assert.Equal("/Accounts/Login", (await anonymous.GetAsync("/Admin/PoliceUsers")).PathOf());
    }

    // ---- helpers -------------------------------------------------------------------------

    private const string OwnPassword = "MyOwn#Pass2026";

    public sealed record OfficerForm(string UserName, string Name, string Mobile, string Email, string Province, string City, string County, string Role);

    private static OfficerForm NewOfficer()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return new OfficerForm("p" + suffix, "王小明", "135" + Random.Shared.NextInt64(10_000_000, 99_999_999), suffix + "@police.example",
            "330000", "330100", "330106", Roles.Reviewer);
    }

    private static IEnumerable<KeyValuePair<string, string>> FormOf(OfficerForm form) => new Dictionary<string, string>
    {
        ["Input.UserName"] = form.UserName,
        ["Input.DisplayName"] = form.Name,
        ["Input.Mobile"] = form.Mobile,
        ["Input.Email"] = form.Email,
        ["Input.Unit.ProvinceCode"] = form.Province,
        ["Input.Unit.CityCode"] = form.City,
        ["Input.Unit.CountyCode"] = form.County,
        ["Input.Role"] = form.Role,
    };

    private static async Task<IHtmlDocument> SubmitNewAsync(PlatformClient admin, OfficerForm form)
    {
        var list = await admin.GetAsync("/Admin/PoliceUsers");
        Assert.NotNull(list.QuerySelector("a[href='/Admin/PoliceUsers/New']"));
        var page = await admin.GetAsync("/Admin/PoliceUsers/New");
        return await admin.SubmitAsync(page, "保存并发送初始密码", FormOf(form).ToDictionary());
    }

    private static async Task<IHtmlDocument> CreateOfficerAsync(PlatformClient admin, OfficerForm form)
    {
        var page = await SubmitNewAsync(admin, form);
        Assert.True(page.PathOf().StartsWith("/Admin/PoliceUsers/Edit/"), page.QuerySelector(".validation-summary-errors")?.TextContent ?? page.PathOf());
        return page;
    }

    /// <summary>An officer who has logged in once and chosen <see cref="OwnPassword"/>.</summary>
    private async Task<OfficerForm> ReadyOfficerAsync(PlatformClient admin)
    {
        var officer = NewOfficer();
        await CreateOfficerAsync(admin, officer);
        var initial = await PasswordSentToAsync(officer.Mobile);
        using var client = platform.NewClient();
        var change = await StaffLoginAsync(client, officer.UserName, initial, officer.Mobile);
        var home = await client.SubmitAsync(change, "确认修改", new Dictionary<string, string>
        {
            ["OldPassword"] = initial, ["NewPassword"] = OwnPassword, ["ConfirmPassword"] = OwnPassword,
        });
        Assert.Equal("/Police", home.PathOf());
        return officer;
    }

    private async Task<IHtmlDocument> EditPageAsync(PlatformClient admin, string userName)
    {
        var list = await admin.GetAsync("/Admin/PoliceUsers?Keyword=" + userName);
        var link = list.QuerySelector($"tr[data-user-name='{userName}'] a")!;
        Assert.Equal("编辑", link.TextContent);
        return await admin.GetAsync(link.GetAttribute("href")!);
    }

    private async Task<PlatformClient> LoggedInAdminAsync()
    {
        var administrator = await StaffAccounts.CreateAsync(platform, Roles.Administrator, null);
        var client = platform.NewClient();
        Assert.Equal("/Admin", (await StaffLoginAsync(client, administrator.UserName, administrator.Password, administrator.Mobile)).PathOf());
        return client;
    }

    /// <summary>
    /// Password, then the SMS second factor, a minute after the last code to the phone (one a
    /// minute is sent); returns the page the login lands on.
    /// </summary>
    private async Task<IHtmlDocument> StaffLoginAsync(PlatformClient client, string userName, string password, string mobile)
    {
        var second = await Applicants.LoginAsync(client, userName, password);
        Assert.True(second.PathOf() == "/Accounts/SecondFactor", second.QuerySelector(".field-validation-error")?.TextContent ?? second.PathOf());
        clock.Advance(TimeSpan.FromSeconds(61));
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, mobile);
        return await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
    }

    /// <summary>The password in the newest 初始密码 or 重置密码 SMS to a number.</summary>
    private async Task<string> PasswordSentToAsync(string mobile)
    {
        var message = (await OutboxReader.MessagesAsync(platform)).First(m => m.Channel == "Sms" && m.Recipient == mobile && SentPassword().IsMatch(m.Body));
        return SentPassword().Match(message.Body).Groups[1].Value;
    }

    [GeneratedRegex("(?:初始密码|新密码)：([^，\\s]+)，")]
    private static partial Regex SentPassword();

    /// <summary>A subject whose office is in the given county files a website; returns the application number.</summary>
    private async Task<string> FileWebsiteInAsync(string county)
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            var fields = SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile());
            fields["Form.Organisation.OfficeAddress.CountyCode"] = county;
            var subject = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核", fields, SubjectForms.AllFiles());
            Assert.Equal("待审核", subject.QuerySelector("#application-status")!.TextContent);
            var detail = await WebsiteFlows.FileWebsiteAsync(client, $"m{Guid.NewGuid():N}"[..12] + ".com");
            return detail.QuerySelectorAll("dd").First().TextContent.Trim();
        }
    }

    private static string Masked(string mobile) => mobile[..3] + "****" + mobile[7..];

    private static string? ValueOf(IDocument page, string name) => page.QuerySelector($"input[name='{name}']")?.GetAttribute("value");

    private static string? SelectedOf(IDocument page, string name) =>
        page.QuerySelector($"select[name='{name}'] option[selected]")?.GetAttribute("value") ?? "";

    private Task<ApplicationUser> StoredAsync(string userName) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    private async Task<string> UserIdOfAsync(string userName) => (await StoredAsync(userName)).Id;

    private Task<string[]> RolesOfAsync(string userName) => platform.ScopedAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetRolesAsync((await users.FindByNameAsync(userName))!)).ToArray();
    });

    private Task<int> PoliceAccountCountAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Users.CountAsync(u => u.Kind == AccountKind.Police));
}

public sealed class PoliceUserTests_Sqlite(ProxiedClockedSqlitePlatform platform)
    : PoliceUserTests(platform, platform.Clock), IClassFixture<ProxiedClockedSqlitePlatform>;

public sealed class PoliceUserTests_Postgres(ProxiedClockedPostgresPlatform platform)
    : PoliceUserTests(platform, platform.Clock), IClassFixture<ProxiedClockedPostgresPlatform>;
