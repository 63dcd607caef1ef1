using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Beian.Web.Tests.Uploads;

/// <summary>Real files made in the test: images drawn and encoded by SkiaSharp, a minimal valid PDF.</summary>
public static class TestFiles
{
    /// <summary>A PNG with an alpha channel, or an opaque (RGB) one.</summary>
    public static byte[] Png(int width = 64, int height = 48, bool opaque = false) => Encode(SKEncodedImageFormat.Png, width, height, opaque);

    public static byte[] Jpeg(int width = 64, int height = 48) => Encode(SKEncodedImageFormat.Jpeg, width, height, opaque: true);

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height, bool opaque)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.DarkBlue, IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
            // Some noise so that the encoded data is long enough to truncate meaningfully.
            var random = new Random(42);
            for (var i = 0; i < width * height / 8; i++)
                bitmap.SetPixel(random.Next(width), random.Next(height), new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG with a text chunk (tEXt) after its header, e.g. a script hidden in metadata.</summary>
    public static byte[] PngWithTextChunk(string keyword, string text)
    {
        var png = Png();
        var data = Encoding.Latin1.GetBytes(keyword + "\0" + text);
        const int afterHeader = 8 + 25; // signature, IHDR (length, type, 13 bytes, CRC)
        return [.. png[..afterHeader], .. Chunk("tEXt", data), .. png[afterHeader..]];
    }

    /// <summary>The file with text appended after its end (after a PNG's IEND, a JPEG's EOI).</summary>
    public static byte[] WithTrailer(byte[] file, string trailer) => [.. file, .. Encoding.UTF8.GetBytes(trailer)];

    /// <summary>A JPEG with a comment segment (COM) right after its start marker.</summary>
    public static byte[] JpegWithComment(string comment)
    {
        var jpeg = Jpeg();
        var data = Encoding.UTF8.GetBytes(comment);
        byte[] segment = [0xFF, 0xFE, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2), .. data];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>
    /// A landscape JPEG (<paramref name="width"/> × <paramref name="height"/>, white with a red block in its
    /// top-left corner) whose EXIF says to show it turned (6: 90° clockwise), as phone cameras write them.
    /// </summary>
    public static byte[] JpegWithExifOrientation(ushort orientation, int width = 80, int height = 40)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 16, 16, red);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = data.ToArray();
        // APP1 "Exif": a big-endian TIFF header and one IFD holding Orientation (0x0112, SHORT).
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
            (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        byte[] segment = [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        return [.. length, .. typeBytes, .. data, .. crc];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A PDF that passes every structural check and hides an HTML page between its markers.</summary>
    public static byte[] PdfWithHtml() => WithBody(Pdf(), "<html><body><script>alert(document.cookie)</script></body></html>\n");

    /// <summary>A PDF whose catalogue runs JavaScript when it is opened.</summary>
    public static byte[] PdfWithJavaScript() =>
        Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Pdf()).Replace("/Type /Catalog /Pages 2 0 R",
            "/Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"));

    private static byte[] WithBody(byte[] pdf, string body)
    {
        var text = Encoding.ASCII.GetString(pdf);
        var header = text.IndexOf('\n') + 1;
        return Encoding.UTF8.GetBytes(text[..header] + body + text[header..]);
    }

    /// <summary>A one-page PDF with a correct cross-reference table.</summary>
    public static byte[] Pdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        };
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append($"{offset:D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
