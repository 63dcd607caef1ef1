using System.Text;
using Beian.Web.Infrastructure.Input;
using Beian.Web.Infrastructure.Storage;
using Npgsql;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>The status an unhandled exception answers: the request's fault 400, an outage 503, anything else 500.</summary>
public static class ErrorStatus
{
    public static int Of(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        RefusedInputException => StatusCodes.Status400BadRequest,
        _ when DatabaseOutages.IsOutage(error) => StatusCodes.Status503ServiceUnavailable,
        StorageUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ when IsDataRefusedByDatabase(error) => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    // PostgreSQL's class 22 (data exception: a NUL, a value too long for its column …) and text that
    // cannot be encoded are the request's data, which the input rules should have refused earlier.
    private static bool IsDataRefusedByDatabase(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal),
        EncoderFallbackException => true,
        _ => error.InnerException is { } inner && IsDataRefusedByDatabase(inner),
    };
}
