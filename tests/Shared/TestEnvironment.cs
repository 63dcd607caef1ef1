// Shared by the test projects (linked with <Compile Include="..\Shared\TestEnvironment.cs" />).
// Optional suites read their prerequisites here and skip per test with xunit v3's
// Assert.SkipWhen / Assert.SkipUnless, e.g.
//   Assert.SkipWhen(TestEnvironment.PostgresConnectionString is null, TestEnvironment.PostgresSkipReason);
// tests/Directory.Build.targets prints the matching "[skipped] ..." line in `dotnet test` output.
namespace Beian.Testing;

internal static class TestEnvironment
{
    public const string PostgresVariable = "BEIAN_TEST_POSTGRES";
    public const string ChromiumVariable = "BEIAN_TEST_CHROMIUM";
    public const string S3Variable = "BEIAN_TEST_S3";
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The PostgreSQL connection string from BEIAN_TEST_POSTGRES, or null when unset.</summary>
    public static string? PostgresConnectionString => NonEmpty(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>The endpoint of an S3-compatible server from BEIAN_TEST_S3 (s3rver's keys S3RVER/S3RVER), or null when unset.</summary>
    public static string? S3ServiceUrl => NonEmpty(Environment.GetEnvironmentVariable(S3Variable));

    /// <summary>BEIAN_TEST_CHROMIUM if set, else /usr/bin/chromium if it exists, else null.</summary>
    public static string? ChromiumPath =>
        NonEmpty(Environment.GetEnvironmentVariable(ChromiumVariable))
        ?? (File.Exists(DefaultChromiumPath) ? DefaultChromiumPath : null);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string PostgresSkipReason =
        "PostgreSQL suite skipped: BEIAN_TEST_POSTGRES is not set (bash .ci/run sets it).";

    public const string S3SkipReason =
        "Object-storage suite skipped: BEIAN_TEST_S3 is not set (bash .ci/run starts s3rver on loopback and sets it).";

    public const string ChromiumSkipReason =
        "Chromium suite skipped: BEIAN_TEST_CHROMIUM is not set and /usr/bin/chromium does not exist (apt-get install chromium, or bash .ci/run).";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
