using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beian.Web.Features.Audit;

/// <summary>The 审计日志 capability's services; the state-change hook joins every DbContext as an interceptor.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActors>();
        services.AddSingleton<StateChangeAuditor>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<StateChangeAuditor>());
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditSealer>();
        services.AddHostedService<AuditSealerService>();
        services.AddScoped<AuditArchiver>();
        services.AddScoped<AuditArchive>();
        services.AddHostedService<AuditArchiverService>();
        return services;
    }
}
