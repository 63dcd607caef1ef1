using Beian.Web.Features.Reporting;
using System.Threading.RateLimiting;
using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Unfiled;
using Beian.Web.Features.Websites;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Captcha;
using Beian.Web.Features.Content;
using Beian.Web.Features.Showcase;
using Beian.Web.Features.Messages;
using Beian.Web.Features.MiniPrograms;
using Beian.Web.Features.Police;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Beian.Web.Infrastructure.Outbox;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Beian.Web.Infrastructure.Hosting;

public static class ServiceRegistration
{
    public static void AddPlatformLogging(this WebApplicationBuilder builder)
    {
        // Structured (JSON) logs outside Development, so that a log shipper can index them.
        if (!builder.Environment.IsDevelopment() && builder.Configuration.GetValue("Logging:Json", true))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }
    }

    public static IServiceCollection AddPlatformServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddForwardedClients(configuration);
        services.AddPublicHost(configuration, environment);
        services.AddSingleton(Beian.Core.Regions.RegionCatalog.Default);
        services.AddSingleton(Beian.Core.Providers.ServiceProviderCatalog.Default);
        services.AddDataProtection()
            .SetApplicationName("Beian")
            .PersistKeysToDbContext<BeianDbContext>();

        services.AddSingleton(provider => ResolveLookupKey(provider, configuration));
        services.AddSingleton<PersonalDataProtector>();

        services.AddScoped<Outbox.Outbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxSenderService>();
        services.AddSingleton<ISmsGateway, OutboxOnlySmsGateway>();
        var smtp = configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.Host))
            services.AddSingleton<IEmailGateway, OutboxOnlyEmailGateway>();
        else
            services.AddSingleton<IEmailGateway>(new MailKitEmailGateway(smtp));

        services.AddScoped<Notifier>();
        services.AddScoped<DraftService>();
        services.AddSingleton<ApplicationSnapshots>();
        services.AddScoped<ApplicationNotices>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<ReviewFindings>();
        services.AddSingleton<ApplicationKinds>();
        services.AddScoped<Features.Numbering.FilingNumberAllocator>();
        services.AddFiling();
        services.AddScoped<Features.Police.Officers>();
        services.AddScoped<Features.Inspections.InspectionService>();
        services.AddScoped<Features.Inspections.InspectionRecords>();
        services.AddSubjects();
        services.AddWebsites(configuration);
        services.AddApps();
        services.AddMiniPrograms();
        services.AddAssessments();
        services.AddPublicQuery();
        services.AddUnfiled();
        services.AddReporting();
        services.AddPolice(configuration);
        services.AddCalendar();
        services.AddScoped<SiteMessageQueries>();
        services.AddSingleton(VerificationCodePolicy.Default);
        services.AddSingleton(new SmsSendLimits(
            configuration.GetValue("Sms:CooldownSeconds", SmsSendLimits.Default.CooldownSeconds),
            configuration.GetValue("Sms:DailyCapPerNumber", SmsSendLimits.Default.DailyCapPerNumber)));
        services.AddScoped<SmsSendQuota>();
        services.AddScoped<SmsCodeService>();
        services.AddScoped<Features.Admin.PoliceUsers.PoliceAccounts>();

        services.AddSingleton<ICaptchaAnswerGenerator, RandomCaptchaAnswerGenerator>();
        services.AddSingleton<CaptchaImageRenderer>();
        services.AddScoped<CaptchaService>();
        services.AddUploads(configuration);
        services.AddContent(configuration);
        services.AddShowcase(configuration);

        services.AddScoped<Jobs.JobLeases>();
        services.AddScoped<Jobs.BackfillCheckpoints>();
        services.AddAudit();
        services.AddHostedService<HousekeepingService>();
        services.AddHostedService<Jobs.StartupBackfills>();
        services.AddPlatformTelemetry(configuration);
        services.AddHealthChecks().AddDbContextCheck<BeianDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PasswordPolicy.Default);
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<BeianDbContext>()
            .AddUserManager<PlatformUserManager>()
            .AddSignInManager<PlatformSignInManager>()
            .AddClaimsPrincipalFactory<PlatformClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SmsTwoFactorTokenProvider>(SmsTwoFactorTokenProvider.ProviderName)
            .AddPasswordValidator<PlatformPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "beian.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Accounts/Login";
            options.LogoutPath = "/Accounts/Logout";
            options.AccessDeniedPath = "/Accounts/AccessDenied";
            // Idle timeout: the session ends after 30 minutes without a request.
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
        });
        // A disabled account, a reset password or a changed role reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        // While the database is down the check answers the 503 page instead of failing inside authentication.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, OutageAwareSecurityStampValidator>());
        services.Replace(ServiceDescriptor.Scoped<ITwoFactorSecurityStampValidator, OutageAwareTwoFactorSecurityStampValidator>());
        services.AddScoped<AccountLookup>();
        services.AddSingleton(SignInLockoutPolicy.Default);
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasswordStep>();
        OpenIdConnectLogin.AddIfConfigured(services, configuration);
        return services;
    }

    public static IServiceCollection AddWebFrontEnd(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AddPageRoute("/Home/Index", "");
                options.Conventions.AuthorizeFolder("/Profile");
                options.Conventions.AuthorizeFolder("/Messages");
                options.Conventions.AuthorizeFolder("/My", "Applicant");
                options.Conventions.AuthorizeFolder("/Subjects", "Applicant");
                options.Conventions.AuthorizeFolder("/Websites", "Applicant");
                options.Conventions.AuthorizeFolder("/Filing", "Applicant");
                options.Conventions.AuthorizeFolder("/Assessments", "Applicant");
                options.Conventions.AuthorizeFolder("/Reporting", "Applicant");
                options.Conventions.AuthorizePage("/Home/Applicant", "Applicant");
                options.Conventions.AuthorizeFolder("/Police", "Police");
                options.Conventions.AuthorizeFolder("/Admin", "Administrator");
                options.Conventions.AllowAnonymousToFolder("/Accounts");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<Input.RefusedInputFilter>();
                options.Filters.Add<PasswordChangeRequiredFilter>();
                options.Filters.Add<UnreadMessageCountFilter>();
                options.Filters.Add<Features.Regions.AddressRefreshFilter>();
                ChineseModelBindingMessages.Apply(options.ModelBindingMessageProvider);
                options.ModelBinderProviders.Insert(0, new Input.CheckboxModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new Input.DateModelBinderProvider());
            });
        // Chinese text is written to pages as UTF-8, not as &#x…; escapes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAuthorizationBuilder()
            .AddPolicy("Applicant", p => p.RequireRole(Roles.Applicant))
            .AddPolicy("Police", p => p.RequireRole(Roles.Reviewer, Roles.Supervisor))
            .AddPolicy("Administrator", p => p.RequireRole(Roles.Administrator));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "X-CSRF-TOKEN";
            // Secure over HTTPS (behind a proxy too: its X-Forwarded-Proto is believed); development over HTTP still works.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Sent outside Development (Pipeline), over HTTPS only.
        services.AddHsts(options =>
        {
            options.IncludeSubDomains = true;
            options.MaxAge = TimeSpan.FromDays(365);
        });
        services.AddRateLimiter(options => ConfigureRateLimits(options, configuration));
        services.AddOpenApi();
        // Enums travel as their names in every JSON API ("Www", "SimplifiedChinese" …).
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
            problem.ProblemDetails.Extensions["traceId"] = ReferenceIds.Of(problem.HttpContext));
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    private static void ConfigureRateLimits(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options, IConfiguration configuration)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, token) =>
        {
            var http = context.HttpContext;
            if (ApiProblems.IsApi(http))
            {
                await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests);
                return;
            }
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("操作过于频繁，请稍后再试。", token);
        };
        AddPerClientLimit(options, "login", configuration.GetValue("RateLimits:LoginPerMinute", 30));
        AddPerClientLimit(options, "sms", configuration.GetValue("RateLimits:SmsPerMinute", 10));
        AddPerClientLimit(options, "captcha", configuration.GetValue("RateLimits:CaptchaPerMinute", 60));
        AddPerClientLimit(options, "precheck", configuration.GetValue("RateLimits:PrecheckPerMinute", 120));
    }

    private static void AddPerClientLimit(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options, string name, int perMinute)
    {
        // Only submissions count: reading the form again is not an attempt.
        options.AddPolicy(name, context => HttpMethods.IsGet(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    private static LookupKey ResolveLookupKey(IServiceProvider provider, IConfiguration configuration)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var dataProtection = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        return LookupKeyResolver.ResolveAsync(configuration, db, dataProtection, clock).GetAwaiter().GetResult();
    }
}
