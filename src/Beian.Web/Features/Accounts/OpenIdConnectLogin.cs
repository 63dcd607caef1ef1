using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// Optional single sign-on through an external OpenID Connect provider (the newest manual logs in
/// through the ministry's "互联网+政务服务" platform). Off unless
/// <c>Authentication:OpenIdConnect:Authority</c> and <c>ClientId</c> are configured.
/// </summary>
public static class OpenIdConnectLogin
{
    public const string Scheme = "oidc";
    public const string DisplayName = "互联网+政务服务平台";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:OpenIdConnect:Authority"])
        && !string.IsNullOrWhiteSpace(configuration["Authentication:OpenIdConnect:ClientId"]);

    public static void AddIfConfigured(IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return;
        var section = configuration.GetSection("Authentication:OpenIdConnect");
        services.AddAuthentication().AddOpenIdConnect(Scheme, section["DisplayName"] ?? DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.UsePkce = true;
            options.CallbackPath = "/signin-oidc";
            options.SaveTokens = false;
            options.Scope.Clear();
            foreach (var scope in (section["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                options.Scope.Add(scope);
        });
    }
}
