using SkiaSharp;

namespace Beian.Web.Features.Demo;

/// <summary>The stand-in for a scanned certificate in the demo filings: a grey card with lines of "text".</summary>
public static class DemoImages
{
    private const int Width = 480;
    private const int Height = 300;

    public static byte[] Sample()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xEE, 0xF1, 0xF5));
            using var card = new SKPaint { Color = new SKColor(0x9A, 0xA5, 0xB1), IsStroke = true, StrokeWidth = 4, IsAntialias = true };
            canvas.DrawRoundRect(new SKRect(16, 16, Width - 16, Height - 16), 16, 16, card);
            using var line = new SKPaint { Color = new SKColor(0xC3, 0xCB, 0xD4) };
            for (var row = 0; row < 5; row++)
                canvas.DrawRect(new SKRect(48, 60 + row * 40, Width - 48 - row * 40, 76 + row * 40), line);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
