using Beian.Web.Features.Filing;

namespace Beian.Web.Features.MiniPrograms;

/// <summary>The 小程序业务 capability (快应用 included): a business on the shared filing machinery.</summary>
public static class MiniProgramsModule
{
    public static IServiceCollection AddMiniPrograms(this IServiceCollection services) =>
        services.AddBusiness<MiniProgramBusiness, MiniProgramService>();
}
