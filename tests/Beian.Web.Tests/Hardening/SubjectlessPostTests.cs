using System.Net;
using Beian.Web.Data;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Hardening;

/// <summary>
/// Handlers that act on the account's subject, posted by an account that has none (or naming another
/// account's subject), send it to 我的主体 as their GET does; they never fail on the missing subject.
/// </summary>
public abstract class SubjectlessPostTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("Preview")]
    [InlineData("Confirm")]
    [InlineData("SaveDraft")]
    public async Task A_change_of_subject_posted_without_a_subject_goes_to_my_subjects(string handler)
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            var response = await PostChangeAsync(client, handler, subject: null);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/My/Subjects", response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("Preview")]
    [InlineData("Confirm")]
    public async Task A_change_of_another_accounts_subject_is_refused_and_leaves_it_alone(string handler)
    {
        platform.RequireAvailable();
        var (owner, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        owner.Dispose();
        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (stranger)
        {
            var response = await PostChangeAsync(stranger, handler, subjectId);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/My/Subjects", response.Headers.Location!.OriginalString);
        }
        Assert.False(await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications
            .AnyAsync(a => a.SubjectId == subjectId && a.BusinessType == Beian.Core.Applications.BusinessType.ChangeSubject)));
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(PlatformClient client, string handler, Guid? subject)
    {
        var anyForm = await client.GetAsync("/Subjects/New?fresh=true");
        var values = SubjectForms.Organisation(name: "另一家科技有限公司");
        values["__RequestVerificationToken"] = anyForm.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var query = subject is { } id ? $"&subject={id}" : string.Empty;
        return await client.PostRawAsync($"/Subjects/Change?handler={handler}{query}", values);
    }
}

public sealed class SubjectlessPostTests_Sqlite(SqlitePlatform platform)
    : SubjectlessPostTests(platform), IClassFixture<SqlitePlatform>;

public sealed class SubjectlessPostTests_Postgres(PostgresPlatform platform)
    : SubjectlessPostTests(platform), IClassFixture<PostgresPlatform>;
