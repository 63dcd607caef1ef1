using System.Text;

namespace Beian.Core.Uploads;

/// <summary>PDF names as a reader sees them (#xx escapes decoded) and the ones that make a PDF active.</summary>
internal static class PdfNames
{
    /// <summary>Longer names are none of ours and are not decoded.</summary>
    private const int MaxDecodedLength = 64;

    /// <summary>
    /// Names long enough not to occur by chance in binary data: JavaScript (an action's /S, the
    /// document's /Names tree), a launch action, embedded files and the annotation that carries one.
    /// </summary>
    private static readonly HashSet<string> Long = ["JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "FileAttachment"];

    /// <summary>The long ones and the keys of a script (/JS) and of a file specification's embedded file (/EF).</summary>
    private static readonly HashSet<string> All = [.. Long, "JS", "EF"];

    public static bool IsActive(string? name) => name is not null && All.Contains(name);

    public static bool IsLongActive(string? name) => name is not null && Long.Contains(name);

    /// <summary>The name a reader sees; null when it is longer than any of ours.</summary>
    public static string? Decode(ReadOnlySpan<byte> raw)
    {
        Span<byte> decoded = stackalloc byte[MaxDecodedLength];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (length == MaxDecodedLength) return null;
            if (raw[i] == (byte)'#' && i + 2 < raw.Length && TryHex(raw[i + 1], raw[i + 2], out var escaped))
            {
                decoded[length++] = escaped;
                i += 2;
            }
            else decoded[length++] = raw[i];
        }
        return Encoding.Latin1.GetString(decoded[..length]);
    }

    /// <summary>Whether any name in <paramref name="data"/>, wherever it stands (strings and stream data too), is one of the long ones.</summary>
    public static bool ContainsLongActiveName(ReadOnlySpan<byte> data)
    {
        var at = 0;
        while (true)
        {
            var slash = data[at..].IndexOf((byte)'/');
            if (slash < 0) return false;
            var start = at + slash + 1;
            var end = start;
            while (end < data.Length && PdfLexer.IsRegular(data[end])) end++;
            if (IsLongActive(Decode(data[start..end]))) return true;
            at = start;
        }
    }

    private static bool TryHex(byte high, byte low, out byte value)
    {
        value = 0;
        if (!Uri.IsHexDigit((char)high) || !Uri.IsHexDigit((char)low)) return false;
        value = (byte)(Uri.FromHex((char)high) * 16 + Uri.FromHex((char)low));
        return true;
    }
}
