using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Numbering;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Websites;

/// <summary>The 网站业务 capability's services and the views of its applications.</summary>
public static class WebsitesModule
{
    public static IServiceCollection AddWebsites(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Websites:ProbeLiveSites", false))
        {
            services.AddHttpClient(nameof(HttpWebsiteProbe), client => client.Timeout = TimeSpan.FromSeconds(8));
            services.AddSingleton<IWebsiteProbe, HttpWebsiteProbe>();
        }
        else
        {
            services.AddSingleton<IWebsiteProbe, ManualWebsiteProbe>();
        }
        services.AddScoped<FilingNumberAllocator>();
        services.AddScoped<WebsiteChecks>();
        services.AddScoped<WebsiteService>();
        services.AddScoped<WebsiteCorrection>();
        services.AddScoped<WebsitePrefill>();
        services.AddScoped<WebsiteApplicationEffects>();
        services.AddScoped<IReviewChecks, WebsiteReviewChecks>();
        services.AddScoped<IApplicationEffects>(provider => provider.GetRequiredService<WebsiteApplicationEffects>());
        services.AddScoped<ISubjectDependents>(provider => provider.GetRequiredService<WebsiteApplicationEffects>());
        SnapshotViews.Register(BusinessType.NewWebsite, typeof(WebsiteForm), "/Features/Websites/_WebsiteSnapshot.cshtml");
        SnapshotViews.Register(BusinessType.ClaimWebsite, typeof(WebsiteForm), "/Features/Websites/_WebsiteSnapshot.cshtml");
        ChangeDiffs.Register<WebsiteForm>(BusinessType.ChangeWebsite, WebsiteDescription.Diff);
        SnapshotViews.Register(BusinessType.ChangeWebsite, typeof(WebsiteForm), "/Features/Websites/_WebsiteSnapshot.cshtml");
        SnapshotViews.Register(BusinessType.CancelWebsite, typeof(WebsiteCancellation), "/Features/Websites/_CancellationSnapshot.cshtml");
        foreach (var type in new[] { BusinessType.NewWebsite, BusinessType.ClaimWebsite, BusinessType.ChangeWebsite })
            ReviewFields.Register<WebsiteForm>(type, WebsiteReviewFields.Of);
        ReviewFields.Register<WebsiteCancellation>(BusinessType.CancelWebsite, cancellation =>
        [
            new("PrincipalName", "注销申请", "网站负责人姓名", cancellation.PrincipalName),
            new("Reason", "注销申请", "注销原因", cancellation.Reason),
            new("ProbeResult", "注销申请", "网站访问检测", string.IsNullOrEmpty(cancellation.ProbeResult) ? "未检测，请人工核实网站已关闭" : cancellation.ProbeResult),
            new("AttachmentFileId", "注销申请", "附件", cancellation.AttachmentFileId == null ? "无" : "已上传", FileId: cancellation.AttachmentFileId),
        ]);
        return services;
    }
}
