using Beian.Web.Data;

namespace Beian.Web.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/Beian.Web -- audit verify</c>: checks the audit log of the database
/// the configuration names (<c>Database__Provider</c>, <c>ConnectionStrings__*</c>), prints a
/// summary and exits 0 when intact, 1 when tampering was found, 2 when it could not check.
/// </summary>
public static class AuditCommand
{
    public const int Intact = 0;
    public const int Tampered = 1;
    public const int Error = 2;

    /// <summary>True when the command line is an audit command rather than the web host's arguments.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "audit";

    /// <summary>The arguments the web host's configuration should see: the command words removed.</summary>
    public static string[] HostArguments(string[] args) => args.SkipWhile(a => !a.StartsWith('-') && !a.Contains('=')).ToArray();

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (args is not ["audit", "verify", ..])
        {
            await output.WriteLineAsync("用法 / usage: audit verify");
            return Error;
        }
        try
        {
            await using var scope = services.CreateAsyncScope();
            var verification = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
            foreach (var line in verification.Summary()) await output.WriteLineAsync(line);
            foreach (var problem in verification.Problems.Skip(1)) await output.WriteLineAsync($"  {problem.Chinese} / {problem.English}");
            return verification.Intact ? Intact : Tampered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await output.WriteLineAsync($"无法校验审计日志 / cannot verify the audit log: {ex.Message}");
            return Error;
        }
    }
}
