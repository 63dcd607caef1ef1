using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Beian.ClusterDrill;

/// <summary>
/// The running cluster of deploy/cluster/up: its addresses, the faults applied through
/// deploy/cluster/ctl, its database (whichever PostgreSQL is writable) and its nodes' logs.
/// </summary>
public sealed class Cluster(string ctlPath, string stateDir)
{
    public static readonly Uri Proxy = new("http://127.0.0.1:5100");
    public static readonly Uri[] Nodes = [new("http://127.0.0.1:5101"), new("http://127.0.0.1:5102"), new("http://127.0.0.1:5103")];
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public CookieContainer Cookies { get; } = new();

    public string StateDir => stateDir;

    public Browser BrowserOn(Uri address, CookieContainer? cookies = null) => new(address, cookies ?? new CookieContainer(), RequestTimeout);

    /// <summary>Runs <c>deploy/cluster/ctl</c>; its output, or an exception with it when it failed.</summary>
    public async Task<string> CtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo(ctlPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new DrillException($"ctl {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        return (await output).Trim();
    }

    public async Task<NpgsqlConnection> PrimaryAsync() => await OpenAsync(int.Parse(await CtlAsync("primary-port")));

    public static async Task<NpgsqlConnection> OpenAsync(int port)
    {
        var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Database=beian;Username=beian;Password=beian;SSL Mode=Disable;Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    // A string[] argument is passed as one parameter by casting it to object (else params would spread it).
    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<T>> ColumnAsync<T>(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>The text of web node <paramref name="node"/>'s log (1..3), empty when it has none.</summary>
    public string NodeLog(int node)
    {
        var path = Path.Combine(stateDir, "logs", $"web{node}.log");
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The share of both cores busy over <paramref name="work"/>, from /proc/stat.</summary>
    public static async Task<(T Result, double CpuBusy)> WithCpuAsync<T>(Func<Task<T>> work)
    {
        var before = CpuTimes();
        var result = await work();
        var after = CpuTimes();
        var total = after.Total - before.Total;
        return (result, total == 0 ? 0 : 1 - (double)(after.Idle - before.Idle) / total);
    }

    private static (long Idle, long Total) CpuTimes()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (fields[3] + fields[4], fields.Sum());
    }
}
