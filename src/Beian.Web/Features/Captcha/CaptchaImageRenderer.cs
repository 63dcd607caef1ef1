using System.Security.Cryptography;
using SkiaSharp;

namespace Beian.Web.Features.Captcha;

/// <summary>
/// Draws a captcha as a PNG. The characters are drawn from our own stroke outlines rather than a
/// system font, so the image looks the same on a server without any fonts installed.
/// </summary>
public sealed class CaptchaImageRenderer
{
    public const int Width = 132;
    public const int Height = 44;

    // Each glyph is a set of polylines on a 4 × 6 grid.
    private static readonly Dictionary<char, (int X, int Y)[][]> Glyphs = new()
    {
        ['2'] = [[(0, 1), (1, 0), (3, 0), (4, 1), (4, 2), (0, 6), (4, 6)]],
        ['3'] = [[(0, 0), (4, 0), (2, 3), (4, 4), (4, 5), (3, 6), (1, 6), (0, 5)]],
        ['4'] = [[(3, 6), (3, 0), (0, 4), (4, 4)]],
        ['6'] = [[(4, 0), (1, 0), (0, 2), (0, 5), (1, 6), (3, 6), (4, 5), (4, 4), (3, 3), (0, 3)]],
        ['7'] = [[(0, 0), (4, 0), (1, 6)]],
        ['9'] = [[(4, 3), (1, 3), (0, 2), (0, 1), (1, 0), (3, 0), (4, 1), (4, 4), (3, 6), (0, 6)]],
        ['A'] = [[(0, 6), (2, 0), (4, 6)], [(1, 4), (3, 4)]],
        ['C'] = [[(4, 1), (3, 0), (1, 0), (0, 1), (0, 5), (1, 6), (3, 6), (4, 5)]],
        ['E'] = [[(4, 0), (0, 0), (0, 6), (4, 6)], [(0, 3), (3, 3)]],
        ['F'] = [[(4, 0), (0, 0), (0, 6)], [(0, 3), (3, 3)]],
        ['H'] = [[(0, 0), (0, 6)], [(4, 0), (4, 6)], [(0, 3), (4, 3)]],
        ['K'] = [[(0, 0), (0, 6)], [(4, 0), (0, 4)], [(1, 3), (4, 6)]],
        ['M'] = [[(0, 6), (0, 0), (2, 3), (4, 0), (4, 6)]],
        ['N'] = [[(0, 6), (0, 0), (4, 6), (4, 0)]],
        ['P'] = [[(0, 6), (0, 0), (3, 0), (4, 1), (4, 2), (3, 3), (0, 3)]],
        ['R'] = [[(0, 6), (0, 0), (3, 0), (4, 1), (4, 2), (3, 3), (0, 3)], [(2, 3), (4, 6)]],
        ['T'] = [[(0, 0), (4, 0)], [(2, 0), (2, 6)]],
        ['U'] = [[(0, 0), (0, 5), (1, 6), (3, 6), (4, 5), (4, 0)]],
        ['W'] = [[(0, 0), (1, 6), (2, 3), (3, 6), (4, 0)]],
        ['X'] = [[(0, 0), (4, 6)], [(4, 0), (0, 6)]],
        ['Y'] = [[(0, 0), (2, 3), (4, 0)], [(2, 3), (2, 6)]],
    };

    public static bool CanDraw(char c) => Glyphs.ContainsKey(char.ToUpperInvariant(c));

    public byte[] RenderPng(string text)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xF2, 0xF5, 0xFA));
        DrawNoise(canvas);
        var slot = (Width - 12f) / text.Length;
        for (var i = 0; i < text.Length; i++)
            DrawGlyph(canvas, char.ToUpperInvariant(text[i]), 6 + slot * i + slot / 2, Height / 2f);
        DrawInterferenceCurve(canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static void DrawGlyph(SKCanvas canvas, char c, float centerX, float centerY)
    {
        if (!Glyphs.TryGetValue(c, out var strokes)) return;
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 2.6f,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
            Color = DarkColor(),
        };
        canvas.Save();
        canvas.Translate(centerX + Jitter(3), centerY + Jitter(3));
        canvas.RotateDegrees(Jitter(22));
        var scale = 4.2f + Jitter(0.6f);
        canvas.Scale(scale * (1 + Jitter(0.15f)), scale);
        canvas.Translate(-2, -3);
        paint.StrokeWidth /= scale;
        foreach (var stroke in strokes)
        {
            using var path = new SKPath();
            path.MoveTo(stroke[0].X + Jitter(0.25f), stroke[0].Y + Jitter(0.25f));
            foreach (var (x, y) in stroke.Skip(1))
                path.LineTo(x + Jitter(0.25f), y + Jitter(0.25f));
            canvas.DrawPath(path, paint);
        }
        canvas.Restore();
    }

    private static void DrawNoise(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 70; i++)
        {
            paint.Color = new SKColor((byte)Next(120, 220), (byte)Next(120, 220), (byte)Next(120, 220));
            canvas.DrawCircle(Next(0, Width), Next(0, Height), Next(1, 3) / 1.5f, paint);
        }
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 1;
        for (var i = 0; i < 4; i++)
        {
            paint.Color = new SKColor((byte)Next(150, 210), (byte)Next(150, 210), (byte)Next(150, 210));
            canvas.DrawLine(Next(0, Width), Next(0, Height), Next(0, Width), Next(0, Height), paint);
        }
    }

    private static void DrawInterferenceCurve(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.4f, Color = DarkColor().WithAlpha(170) };
        using var path = new SKPath();
        path.MoveTo(0, Next(10, Height - 10));
        path.CubicTo(Width / 3f, Next(0, Height), 2 * Width / 3f, Next(0, Height), Width, Next(10, Height - 10));
        canvas.DrawPath(path, paint);
    }

    private static SKColor DarkColor() => new((byte)Next(10, 90), (byte)Next(20, 90), (byte)Next(60, 140));

    private static int Next(int min, int max) => RandomNumberGenerator.GetInt32(min, max);

    private static float Jitter(float amplitude) => (float)((Random.Shared.NextDouble() * 2 - 1) * amplitude);
}
