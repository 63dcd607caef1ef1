using Beian.Core.Numbering;
using SkiaSharp;

namespace Beian.Web.Features.Badges;

/// <summary>Rasterises <see cref="BadgeSvg.Paths"/> (the same path data the SVG badge uses) to a square PNG.</summary>
public static class BadgePngRenderer
{
    /// <summary>The sizes /badge.png offers, in pixels.</summary>
    public static IReadOnlyList<int> Sizes { get; } = [20, 40, 80, 160];

    public static bool IsOffered(int size) => Sizes.Contains(size);

    /// <summary>A <paramref name="size"/>×<paramref name="size"/> PNG on a transparent background, antialiased.</summary>
    public static byte[] RenderPng(int size)
    {
        if (size is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(size), size, null);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        var scale = size / (float)BadgeSvg.ViewBoxSize;
        canvas.Scale(scale);

        foreach (var badgePath in BadgeSvg.Paths)
        {
            using var path = SKPath.ParseSvgPathData(badgePath.Data)
                ?? throw new InvalidOperationException($"Badge path data does not parse: {badgePath.Data}");
            if (badgePath.Fill is { } fill)
            {
                using var fillPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(fill) };
                canvas.DrawPath(path, fillPaint);
            }
            using var stroke = new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                Color = SKColor.Parse(badgePath.Stroke),
                StrokeWidth = badgePath.StrokeWidth,
                StrokeCap = badgePath.RoundCaps ? SKStrokeCap.Round : SKStrokeCap.Butt,
                StrokeJoin = badgePath.RoundJoins ? SKStrokeJoin.Round : SKStrokeJoin.Miter,
            };
            canvas.DrawPath(path, stroke);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
