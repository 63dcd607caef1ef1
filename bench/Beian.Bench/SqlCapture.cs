using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Beian.Bench;

/// <summary>One SQL command as the platform sent it: its text and a copy of its parameters.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters)
{
    /// <summary>A read, which the baseline sends again; a write (an audit record of a police read, say) it leaves out.</summary>
    public bool IsRead => Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                          || Text.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);

    /// <summary>A setting for the rest of a transaction (SET LOCAL jit = off), which the baseline sends too, before the reads it governs.</summary>
    public bool IsSetting => Text.TrimStart().StartsWith("SET ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The reads of <paramref name="commands"/> and the settings among them, in order, in one transaction (where a setting
    /// holds, as it held for the platform); <paramref name="timed"/> hears each read's milliseconds.
    /// </summary>
    public static async Task ReplayReadsAsync(NpgsqlConnection connection, IEnumerable<CapturedCommand> commands,
        Action<CapturedCommand, double>? timed = null)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var command in commands)
        {
            if (command.IsSetting)
            {
                await using var setting = command.On(connection, transaction);
                await setting.ExecuteNonQueryAsync();
                continue;
            }
            if (!command.IsRead) continue;
            var clock = Stopwatch.StartNew();
            await command.ReplayAsync(connection);
            timed?.Invoke(command, clock.Elapsed.TotalMilliseconds);
        }
        await transaction.CommitAsync();
    }

    /// <summary>The command again on <paramref name="connection"/>, each parameter's value as <paramref name="value"/> makes it (as it was when null).</summary>
    public NpgsqlCommand On(NpgsqlConnection connection, NpgsqlTransaction? transaction = null, Func<object?, object?>? value = null)
    {
        var command = new NpgsqlCommand(Text, connection, transaction) { CommandTimeout = 600 };
        foreach (var parameter in Parameters)
        {
            var copy = parameter.Clone();
            if (value != null) copy.Value = value(copy.Value);
            command.Parameters.Add(copy);
        }
        return command;
    }

    /// <summary>Runs the command on <paramref name="connection"/> and reads every row and column; returns the rows read.</summary>
    public async Task<long> ReplayAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = On(connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        var values = new object[256];
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(values);
                rows++;
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return rows;
    }
}

/// <summary>
/// The SQL that EF Core sends while <see cref="Current"/> holds a list (an async flow: one request, or one call),
/// read from EF Core's diagnostic events, so that the police benchmark's baseline can send the very same commands
/// with raw Npgsql and nothing of the platform around them.
/// </summary>
public static class SqlCapture
{
    private static readonly AsyncLocal<List<CapturedCommand>?> Flow = new();
    private static IDisposable? _subscription;

    /// <summary>What requests asked with the header <see cref="Header"/> sent, by the header's value.</summary>
    public static ConcurrentDictionary<string, IReadOnlyList<CapturedCommand>> ByRequest { get; } = new();

    public const string Header = "X-Bench-Capture";

    public static List<CapturedCommand>? Current
    {
        get => Flow.Value;
        set => Flow.Value = value;
    }

    /// <summary>Listens to EF Core from now on (once per process).</summary>
    public static void Start() => _subscription ??= DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());

    /// <summary>The commands <paramref name="work"/> sends.</summary>
    public static async Task<IReadOnlyList<CapturedCommand>> OfAsync(Func<Task> work)
    {
        Start();
        var commands = new List<CapturedCommand>();
        Current = commands;
        try
        {
            await work();
        }
        finally
        {
            Current = null;
        }
        return commands;
    }

    private static void Record(DbCommand command)
    {
        if (Current is not { } commands) return;
        var parameters = command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList();
        lock (commands) commands.Add(new CapturedCommand(command.CommandText, parameters));
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(new EventObserver());
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data) Record(data.Command);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
