using System.IO.Compression;

namespace Beian.Core.Apps.Packages;

/// <summary>Bounded reads from the uploaded package and from its ZIP entries.</summary>
internal static class PackageStreams
{
    /// <summary>
    /// <paramref name="count"/> bytes at <paramref name="offset"/> of the package (callers bound the count);
    /// an <see cref="EndOfStreamException"/> when they do not lie inside it.
    /// </summary>
    public static byte[] ReadAt(this Stream stream, long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > stream.Length - count) throw new EndOfStreamException();
        stream.Position = offset;
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// The whole content of a ZIP entry that is at most <paramref name="maxBytes"/> long. Its declared size is checked
    /// before anything is allocated and the inflated data must end exactly there, so a zip bomb costs nothing.
    /// </summary>
    public static byte[] ReadEntry(ZipArchiveEntry entry, int maxBytes, string error)
    {
        if (entry.Length < 0 || entry.Length > maxBytes) throw new PackageFormatException(error);
        var content = new byte[entry.Length];
        using var stream = entry.Open();
        stream.ReadExactly(content);
        if (stream.ReadByte() != -1) throw new PackageFormatException(error);
        return content;
    }

    /// <summary>The ZIP entry named exactly <paramref name="name"/>; null if none, an error if there are several.</summary>
    public static ZipArchiveEntry? SingleEntry(ZipArchive zip, string name, string error)
    {
        var entries = zip.Entries.Where(e => e.FullName == name).Take(2).ToList();
        return entries.Count switch
        {
            0 => null,
            1 => entries[0],
            _ => throw new PackageFormatException(error),
        };
    }
}
