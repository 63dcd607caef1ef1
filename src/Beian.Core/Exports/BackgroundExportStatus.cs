namespace Beian.Core.Exports;

/// <summary>Where an export written in the background stands.</summary>
public enum BackgroundExportStatus
{
    /// <summary>Asked; no node has taken it yet.</summary>
    Queued,
    /// <summary>A node writes it (and holds its claim while it does).</summary>
    Running,
    Completed,
    Failed,
}

/// <summary>
/// The rules of an export too large to write while the officer waits: which exports go to the
/// background, how far one is, what the officer sees of it and when its file is gone.
/// </summary>
public static class BackgroundExports
{
    /// <summary>Exports of more rows than this run in the background unless the settings say otherwise.</summary>
    public const int DefaultBackgroundAbove = 50_000;

    public static readonly TimeSpan DefaultKeep = TimeSpan.FromHours(24);

    public static bool RunsInBackground(long rows, int backgroundAbove) => rows > backgroundAbove;

    /// <summary>
    /// Whole per cent written, 0–100. The rows counted when the export was asked may change before it is
    /// written, so more rows than counted still show as 100 and never beyond.
    /// </summary>
    public static int Percent(BackgroundExportStatus status, long written, long total) =>
        status == BackgroundExportStatus.Completed ? 100
        : total <= 0 ? 0
        : (int)Math.Clamp(written * 100 / total, 0, 99);

    public static bool IsExpired(DateTime? expiresAtUtc, DateTime nowUtc) => expiresAtUtc is { } expires && nowUtc >= expires;

    /// <summary>等待导出, 导出中, 已完成, 导出失败, and 已过期 for a file past its time whatever it was.</summary>
    public static string Label(BackgroundExportStatus status, bool expired) => expired ? "已过期" : status switch
    {
        BackgroundExportStatus.Queued => "等待导出",
        BackgroundExportStatus.Running => "导出中",
        BackgroundExportStatus.Completed => "已完成",
        BackgroundExportStatus.Failed => "导出失败",
        _ => status.ToString(),
    };
}
