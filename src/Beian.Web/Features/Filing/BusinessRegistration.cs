using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Microsoft.AspNetCore.Routing;

namespace Beian.Web.Features.Filing;

public static class BusinessRegistration
{
    /// <summary>The machinery every business shares: the registry, the route constraint, the people's checks.</summary>
    public static IServiceCollection AddFiling(this IServiceCollection services)
    {
        services.AddSingleton<Businesses>();
        services.Configure<RouteOptions>(options => options.ConstraintMap[BusinessRouteConstraint.Name] = typeof(BusinessRouteConstraint));
        services.AddScoped<BusinessFilingServices>();
        services.AddScoped<PeopleChecks>();
        services.AddScoped<BusinessPages>();
        return services;
    }

    /// <summary>
    /// One business on the shared machinery: its descriptor, its application kinds for the shared pages,
    /// and its filing service as the effects of its decisions, a dependent of its subject and its re-check.
    /// </summary>
    public static IServiceCollection AddBusiness<TBusiness, TFiling>(this IServiceCollection services)
        where TBusiness : class, IBusiness, new()
        where TFiling : class, IBusinessFiling, IApplicationEffects, ISubjectDependents, IReviewChecks
    {
        var business = new TBusiness();
        services.AddSingleton(business);
        services.AddSingleton<IBusiness>(business);
        foreach (var kind in business.ApplicationKinds()) services.AddApplicationKind(kind);
        services.AddScoped<TFiling>();
        services.AddScoped<IBusinessFiling>(provider => provider.GetRequiredService<TFiling>());
        services.AddScoped<IApplicationEffects>(provider => provider.GetRequiredService<TFiling>());
        services.AddScoped<ISubjectDependents>(provider => provider.GetRequiredService<TFiling>());
        services.AddScoped<IReviewChecks>(provider => provider.GetRequiredService<TFiling>());
        return services;
    }
}
