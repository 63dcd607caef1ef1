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
