using System.Globalization;
using Npgsql;

// dotnet run -c Release --project bench/Beian.Bench -- generate [--sites 5000000] [--seed 1]
// dotnet run -c Release --project bench/Beian.Bench -- run [--connections 64] [--seconds 20] [--warmup 5] [--rounds 2] [--rate N] [--only "by name"] [--out bench/results.md]
// dotnet run -c Release --project bench/Beian.Bench -- run --only police [--runs 12] [--case "已备案网站"] [--out bench/police-results.md]
// dotnet run -c Release --project bench/Beian.Bench -- filing [--filings 2000] [--workers 8] [--warmup 1000] [--out bench/filing-results.md]
// dotnet run -c Release --project bench/Beian.Bench -- report [--rows 1000000] [--unfiled-percent 5] [--rounds 2] [--seed 1] [--out bench/report-results.md]
// dotnet run -c Release --project bench/Beian.Bench -- stats [--applications 1500000] [--days 500] [--runs 12] [--database beian_stats] [--keep 1] [--reuse 1] [--out FILE]
// The database is BEIAN_BENCH_POSTGRES (an Npgsql connection string); generate drops and recreates it,
// so an interrupted load never leaves a schema without its indexes behind. stats makes (and drops) a database of its own
// on the same server, beian_stats unless --database names another.

namespace Beian.Bench;

/// <summary>The commands of the benchmark (README "Benchmarks").</summary>
internal static class BenchCommands
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = Arguments.Parse(args);
        // Without TLS by default: on loopback it protects nothing, and it cost both sides alike
        // (a third of the process's CPU by number) what a deployment pays on its own cores.
        var connectionString = Environment.GetEnvironmentVariable("BEIAN_BENCH_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Database=beian_bench;Username=beian;Password=beian;SSL Mode=Disable";
        static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

        switch (arguments.Command)
        {
            case "generate":
                await Databases.RecreateAsync(connectionString);
                await new DatasetLoader(connectionString, Log).LoadAsync(arguments.Int("sites", 5_000_000), arguments.Int("seed", 1));
                return 0;
            case "run" when arguments.Text("only") == "police":
                var police = await PoliceBenchmark.RunAsync(connectionString, arguments.Int("runs", 12), dropped: 2, arguments.Text("case"), Log);
                Console.WriteLine();
                Console.WriteLine(police);
                if (arguments.Text("out") is { } policePath) await File.WriteAllTextAsync(policePath, police);
                return 0;
            case "run":
                var shape = new LoadShape(arguments.Int("connections", 64), arguments.Int("rate", 0) is > 0 and var rate ? rate : null, arguments.Int("rounds", 2));
                var report = await QueryBenchmark.RunAsync(connectionString, shape,
                    TimeSpan.FromSeconds(arguments.Int("warmup", 5)), TimeSpan.FromSeconds(arguments.Int("seconds", 20)), arguments.Text("only"), Log);
                Console.WriteLine();
                Console.WriteLine(report);
                if (arguments.Text("out") is { } path) await File.WriteAllTextAsync(path, report);
                return 0;
            case "filing":
                var filing = await FilingBenchmark.RunAsync(connectionString, arguments.Int("filings", 2000), arguments.Int("workers", 8),
                    arguments.Int("warmup", 1000), Log);
                Console.WriteLine();
                Console.WriteLine(filing);
                if (arguments.Text("out") is { } filingPath) await File.WriteAllTextAsync(filingPath, filing);
                return 0;
            case "size":
                var size = await DatasetSize.ReportAsync(connectionString, arguments.Flag("verify"), Log);
                Console.WriteLine(size);
                if (arguments.Text("out") is { } sizePath) await File.WriteAllTextAsync(sizePath, size);
                return 0;
            case "report":
                var (table, _) = await ReportBenchmark.RunAsync(connectionString, new ReportBenchmarkOptions(arguments.Int("rows", 1_000_000),
                    arguments.Int("unfiled-percent", 5), arguments.Int("rounds", 2), arguments.Int("seed", 1)), Log);
                Console.WriteLine();
                Console.WriteLine(table);
                if (arguments.Text("out") is { } tablePath) await File.WriteAllTextAsync(tablePath, table);
                return 0;
            case "stats":
                var statsConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = arguments.Text("database") ?? "beian_stats" }.ConnectionString;
                var stats = await StatisticsBenchmark.RunAsync(statsConnection, new StatisticsBenchmark.Options(arguments.Int("applications", 1_500_000),
                    arguments.Int("days", 500), arguments.Int("runs", 12), Dropped: 2, Keep: arguments.Int("keep", 0) == 1,
                    Reuse: arguments.Int("reuse", 0) == 1), Log);
                Console.WriteLine();
                Console.WriteLine(stats);
                if (arguments.Text("out") is { } statsPath) await File.WriteAllTextAsync(statsPath, stats);
                return 0;
            default:
                Console.Error.WriteLine("usage: Beian.Bench generate [--sites N] [--seed N] | run [--connections N] [--seconds N] [--warmup N] [--rounds N] [--rate N] [--only TEXT|police] [--runs N] [--case TEXT] [--out FILE]"
                    + " | filing [--filings N] [--workers N] [--warmup N] [--out FILE] | size [--verify true] [--out FILE] | report [--rows N] [--unfiled-percent N] [--rounds N] [--seed N] [--out FILE]"
                    + " | stats [--applications N] [--days N] [--runs N] [--database NAME] [--keep 1] [--reuse 1] [--out FILE]");
                return 2;
        }
    }
}

internal sealed record Arguments(string Command, IReadOnlyDictionary<string, string> Options)
{
    public static Arguments Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        return new Arguments(args.Length > 0 ? args[0] : "", options);
    }

    public int Int(string name, int fallback) =>
        Options.TryGetValue(name, out var value) ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => Options.GetValueOrDefault(name);

    /// <summary>An option given as <c>--name true</c>.</summary>
    public bool Flag(string name) => Text(name) == "true";
}

internal static class Databases
{
    /// <summary>Drops the database of that name, if there is one.</summary>
    public static Task DropAsync(string connectionString) => AdministerAsync(connectionString, name => [$"DROP DATABASE IF EXISTS {name} WITH (FORCE)"]);

    /// <summary>A new, empty database of that name (the platform migrates it when first started).</summary>
    public static Task RecreateAsync(string connectionString) =>
        AdministerAsync(connectionString, name => [$"DROP DATABASE IF EXISTS {name}", $"CREATE DATABASE {name}"]);

    private static async Task AdministerAsync(string connectionString, Func<string, string[]> statements)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var name = "\"" + target.Replace("\"", "\"\"") + "\"";
        foreach (var sql in statements(name))
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
