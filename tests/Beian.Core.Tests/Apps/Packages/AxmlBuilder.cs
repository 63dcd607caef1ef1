using System.Text;

namespace Beian.Core.Tests.Apps.Packages;

/// <summary>A value of a hand-built binary XML attribute.</summary>
internal sealed record AxmlValue(byte Type, uint Data, string? Text)
{
    public static AxmlValue String(string text) => new(0x03, 0, text);

    public static AxmlValue Integer(int value) => new(0x10, (uint)value, null);

    public static AxmlValue Reference(uint resourceId) => new(0x01, resourceId, null);
}

/// <summary>An attribute of a hand-built element; <paramref name="ResourceId"/> 0 leaves it out of the resource map.</summary>
internal sealed record AxmlAttributeSpec(string? Namespace, string Name, uint ResourceId, AxmlValue Value)
{
    public const string Android = "http://schemas.android.com/apk/res/android";

    public static AxmlAttributeSpec AndroidAttribute(string name, uint resourceId, AxmlValue value) => new(Android, name, resourceId, value);
}

/// <summary>
/// Builds Android binary XML the way aapt lays it out (string pool with the resource-mapped attribute names first,
/// resource map, start/end element chunks), in UTF-8 or UTF-16, to test the manifest reader on what the sample
/// APKs (aapt writes UTF-16) do not show.
/// </summary>
internal sealed class AxmlBuilder(bool utf8, bool withResourceMap = true)
{
    private readonly List<(string Name, AxmlAttributeSpec[] Attributes)?> events = [];
    private List<string> strings = [];

    public AxmlBuilder Start(string name, params AxmlAttributeSpec[] attributes)
    {
        events.Add((name, attributes));
        return this;
    }

    public AxmlBuilder End()
    {
        events.Add(null);
        return this;
    }

    public byte[] Build()
    {
        var mapped = events.SelectMany(e => e?.Attributes ?? []).Where(a => a.ResourceId != 0 && withResourceMap).DistinctBy(a => a.Name).ToList();
        strings = mapped.Select(a => a.Name).ToList();
        var body = new MemoryStream();
        foreach (var e in events) Write(body, e is { } start ? StartElement(start.Name, start.Attributes) : Chunk(0x0103, 16, new byte[8]));
        var chunks = new MemoryStream();
        Write(chunks, StringPool());
        if (mapped.Count > 0) Write(chunks, Chunk(0x0180, 8, mapped.SelectMany(a => BitConverter.GetBytes(a.ResourceId)).ToArray()));
        body.WriteTo(chunks);
        return Chunk(0x0003, 8, chunks.ToArray());
    }

    /// <summary>A chunk: type, header size, total size, then the rest of the header and the body.</summary>
    public static byte[] Chunk(ushort type, ushort headerSize, byte[] afterSizeField)
    {
        var chunk = new MemoryStream();
        Write(chunk, BitConverter.GetBytes(type), BitConverter.GetBytes(headerSize), BitConverter.GetBytes(8 + afterSizeField.Length), afterSizeField);
        return chunk.ToArray();
    }

    private byte[] StartElement(string name, AxmlAttributeSpec[] attributes)
    {
        var body = new MemoryStream();
        Write(body, U32(1), U32(uint.MaxValue));                                 // line number, comment (rest of the 16-byte header)
        Write(body, U32(uint.MaxValue), U32(Index(name)));                         // namespace, name
        Write(body, U16(20), U16(20), U16((ushort)attributes.Length), U16(0), U16(0), U16(0));
        foreach (var a in attributes)
        {
            var text = a.Value.Text is { } t ? Index(t) : uint.MaxValue;
            var data = a.Value.Text is null ? a.Value.Data : text;
            Write(body, U32(a.Namespace is { } ns ? Index(ns) : uint.MaxValue), U32(Index(a.Name)), U32(text),
                U16(8), [0, a.Value.Type], U32(data));
        }
        return Chunk(0x0102, 16, body.ToArray());
    }

    private byte[] StringPool()
    {
        var data = new MemoryStream();
        var offsets = new List<uint>();
        foreach (var s in strings)
        {
            offsets.Add((uint)data.Length);
            Write(data, utf8 ? Utf8(s) : Utf16(s));
        }
        while (data.Length % 4 != 0) data.WriteByte(0);
        var header = new MemoryStream();
        Write(header, U32((uint)strings.Count), U32(0), U32(utf8 ? 0x100u : 0), U32((uint)(28 + 4 * strings.Count)), U32(0));
        foreach (var offset in offsets) Write(header, U32(offset));
        data.WriteTo(header);
        return Chunk(0x0001, 28, header.ToArray());
    }

    private static byte[] Utf8(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return [(byte)s.Length, (byte)bytes.Length, .. bytes, 0];
    }

    private static byte[] Utf16(string s) => [.. U16((ushort)s.Length), .. Encoding.Unicode.GetBytes(s), 0, 0];

    private uint Index(string s)
    {
        var index = strings.IndexOf(s);
        if (index >= 0) return (uint)index;
        strings.Add(s);
        return (uint)(strings.Count - 1);
    }

    private static byte[] U16(ushort value) => BitConverter.GetBytes(value);

    private static byte[] U32(uint value) => BitConverter.GetBytes(value);

    private static void Write(Stream stream, params byte[][] parts)
    {
        foreach (var part in parts) stream.Write(part);
    }
}
