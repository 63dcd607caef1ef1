using System.IO.Compression;
using System.Text;

namespace Beian.Core.Tests.Uploads;

/// <summary>Small PDFs written by hand: plain objects, streams and object streams (/ObjStm) compressed with FlateDecode.</summary>
public static class PdfSamples
{
    public const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    public const string Pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    public const string Page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>";

    /// <summary>A PDF of these objects (numbered from 1), each written as "n 0 obj … endobj", with a trailer.</summary>
    public static byte[] Of(params string[] objects) => Of(objects.Select(o => Encoding.Latin1.GetBytes(o)).ToArray());

    public static byte[] Of(params byte[][] objects)
    {
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (var i = 0; i < objects.Length; i++)
        {
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }
        Write(pdf, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n0\n%%EOF\n");
        return pdf.ToArray();
    }

    public static byte[] Plain() => Of(Catalog, Pages, Page);

    /// <summary>A stream object: its dictionary entries (without /Length) and its data as they are.</summary>
    public static byte[] Stream(string dictionary, byte[] data) =>
        [.. Encoding.Latin1.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8];

    /// <summary>An object stream holding <paramref name="objects"/> (numbered from <paramref name="first"/>), compressed with FlateDecode.</summary>
    public static byte[] ObjectStream(int first, string[] objects, string extra = "/Filter /FlateDecode")
    {
        var body = new StringBuilder();
        var header = new StringBuilder();
        for (var i = 0; i < objects.Length; i++)
        {
            header.Append($"{first + i} {body.Length} ");
            body.Append(objects[i]).Append('\n');
        }
        var content = Encoding.Latin1.GetBytes(header.ToString() + "\n" + body);
        return Stream($"/Type /ObjStm /N {objects.Length} /First {header.Length + 1} {extra}", Deflate(content));
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal)) zlib.Write(data);
        return output.ToArray();
    }

    /// <summary>Bytes that look like compressed image data.</summary>
    public static byte[] Noise(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
