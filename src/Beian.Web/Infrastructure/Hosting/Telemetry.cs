using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core, the .NET runtime and the platform's own meter.
/// They are exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard
/// variable), so a node ships them to whatever collector the deployment runs. Without a collector
/// no request is traced: an activity per request with its tags would be recorded for nobody.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Beian.Platform";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> OutboxDelivered = Meter.CreateCounter<long>("beian.outbox.delivered", description: "SMS and email handed to a gateway");
    public static readonly Counter<long> OutboxFailedAttempts = Meter.CreateCounter<long>("beian.outbox.failed_attempts", description: "Failed delivery attempts (retried later)");

    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("beian-web"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentationIfPresent().AddMeter(MeterName);
                if (exportOtlp) metrics.AddOtlpExporter();
            });
        if (exportOtlp) telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter());
        return services;
    }

    /// <summary>The runtime's own meter (GC, thread pool …), built into .NET 9 and later.</summary>
    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        metrics.AddMeter("System.Runtime");
}
