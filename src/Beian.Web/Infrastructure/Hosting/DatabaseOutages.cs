using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>The database could not be reached while handling the request: the error page answers 503.</summary>
public sealed class DatabaseUnavailableException(Exception cause)
    : Exception("The database is unavailable.", cause);

/// <summary>
/// Tells a database outage (server stopped, unreachable, overloaded, timed out, or only a read-only
/// standby left while a failover is under way) from a fault of the request or of the code. An outage
/// is a 503 with "稍后再试"; anything else stays a 500.
/// </summary>
public static class DatabaseOutages
{
    public static bool IsOutage(Exception error) => error switch
    {
        DatabaseUnavailableException or TimeoutException or RetryLimitExceededException => true,
        PostgresException postgres => IsServerOutage(postgres.SqlState),
        SqliteException sqlite => IsFileOutage(sqlite.SqliteErrorCode),
        DbException => true,
        _ => error.InnerException is { } inner && IsOutage(inner),
    };

    /// <summary>
    /// Records that the sign-in could not be checked because the database is down: the request goes on
    /// unauthenticated until <see cref="UseDatabaseOutageGate"/> turns it into the 503 page.
    /// </summary>
    public static void MarkUnavailable(HttpContext context, Exception cause) =>
        context.Features.Set(new DatabaseUnavailableFeature(cause));

    /// <summary>
    /// Right after authentication: a request whose sign-in could not be checked answers the 503 page.
    /// The error page itself (re-executed by the exception handler) and the requests that need no
    /// user (<paramref name="anonymousAnyway"/>: the health probes) go through, as anonymous.
    /// </summary>
    public static IApplicationBuilder UseDatabaseOutageGate(this IApplicationBuilder app, Func<HttpContext, bool> anonymousAnyway) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<DatabaseUnavailableFeature>() is { } outage
                && context.Features.Get<IExceptionHandlerFeature>() is null && !anonymousAnyway(context))
                throw new DatabaseUnavailableException(outage.Cause);
            await next(context);
        });

    // Class 08 connection exception, 53 insufficient resources, 57P operator intervention
    // (shutdown, cannot connect now), 58 system error, and 25006 read_only_sql_transaction: a write
    // that reached a standby (the primary stopped and the standby not yet promoted). Data and
    // constraint errors are not outages.
    private static bool IsServerOutage(string sqlState) =>
        sqlState == PostgresErrorCodes.ReadOnlySqlTransaction || sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal) || sqlState.StartsWith("58", StringComparison.Ordinal);

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL.
    private static bool IsFileOutage(int code) => code is 5 or 6 or 10 or 13 or 14 or 15;

    private sealed record DatabaseUnavailableFeature(Exception Cause);
}
