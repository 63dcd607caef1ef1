using Beian.Core.Filing;
using Beian.Core.MiniPrograms;
using Beian.Core.Rules;
using Beian.Web.Features.Filing;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.MiniPrograms;

/// <summary>
/// The 小程序's part of the shared filing machinery: its platform and AppID columns (one 小程序, one subject),
/// its step ② check, and its public face through <see cref="ServiceFiling{TRecord, TForm}"/>.
/// </summary>
public sealed class MiniProgramService(BusinessFilingServices services, MiniProgramBusiness business, TimeProvider clock, PublicServices publicServices)
    : ServiceFiling<MiniProgram, MiniProgramForm>(services, publicServices)
{
    public override IBusiness Business => business;

    protected override MiniProgram NewRecord(Guid subjectId, string ownerUserId, RecordStep step) => MiniProgram.NewPending(subjectId, ownerUserId, step);

    protected override void Project(MiniProgram miniProgram, MiniProgramForm form)
    {
        var info = form.BasicInfo;
        miniProgram.Platform = info.Platform;
        miniProgram.AppId = info.Platform is { } platform ? MiniProgramIds.Normalize(platform, info.AppId) : info.AppId?.Trim();
        miniProgram.PlatformName = info.PlatformText;
    }

    protected override async Task<IReadOnlyList<Finding>> CheckBasicInfoAsync(MiniProgramForm form, Subject subject, SubjectForm subjectForm, Guid? recordId,
        CancellationToken cancellationToken)
    {
        var info = form.BasicInfo;
        var services = info.Facts();
        var facts = new MiniProgramFacts
        {
            Naming = NamingOf(subject, subjectForm, info, services),
            Introduction = info.Introduction,
            Platform = info.Platform,
            PlatformName = info.PlatformName,
            AppId = info.AppId,
            Versions = info.Versions.Select(v => new MiniProgramVersionFacts(v.Number, v.ReleasedOn)).ToList(),
            HasIcpNumber = info.HasIcpNumber,
            IcpNumber = info.IcpNumber,
            Services = services,
            HasSecurityPlan = info.SecurityPlanFileId != null,
            Today = Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow()),
            AppIdFiledElsewhere = await FiledElsewhereAsync(info, subject.Id, recordId, cancellationToken),
        };
        return MiniProgramRules.Check(facts);
    }

    public override Task<IReadOnlyList<string>> TakeFilesAsync(MiniProgramForm form, CancellationToken cancellationToken)
    {
        form.BasicInfo.DropBlankRows();
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <summary>Whether a 小程序 of another subject that is filed or on its way holds the same AppID on the same platform.</summary>
    private async Task<bool> FiledElsewhereAsync(MiniProgramBasicInfo info, Guid subjectId, Guid? recordId, CancellationToken cancellationToken)
    {
        if (info.Platform is not { } platform || MiniProgramIds.Problem(platform, info.AppId) != null) return false;
        var appId = MiniProgramIds.Normalize(platform, info.AppId);
        var live = FilingStateMachine.LiveStatuses.ToArray();
        return await Records.AsNoTracking().AnyAsync(m => m.SubjectId != subjectId && m.Id != recordId && live.Contains(m.Status)
            && m.Platform == platform && m.AppId == appId, cancellationToken);
    }

    protected override string PlatformsOf(MiniProgram miniProgram) => miniProgram.PlatformName;

    protected override string ApprovalLine(MiniProgram miniProgram) =>
        $"公安备案号：{miniProgram.NumberDisplay}，请在小程序的“关于”“设置”等页面显著位置标明备案编号";
}
