using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using SkiaSharp;

namespace Beian.Web.Tests.Uploads;

/// <summary>What re-encoding keeps of an image: its pixels, upright, transparency included.</summary>
public class ImageReencoderTests
{
    /// <summary>Where the red corner (top-left as stored in an 80 × 40 picture) is shown for each EXIF orientation.</summary>
    [Theory]
    [InlineData(1, 80, 40, "top-left")]
    [InlineData(2, 80, 40, "top-right")]
    [InlineData(3, 80, 40, "bottom-right")]
    [InlineData(4, 80, 40, "bottom-left")]
    [InlineData(5, 40, 80, "top-left")]
    [InlineData(6, 40, 80, "top-right")]
    [InlineData(7, 40, 80, "bottom-right")]
    [InlineData(8, 40, 80, "bottom-left")]
    public void Every_exif_orientation_is_turned_upright(ushort orientation, int width, int height, string redCorner)
    {
        var stored = ImageReencoder.Reencode(TestFiles.JpegWithExifOrientation(orientation), FileKind.Jpeg).Image!;

        using var bitmap = SKBitmap.Decode(stored);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        var corners = new Dictionary<string, SKColor>
        {
            ["top-left"] = bitmap.GetPixel(4, 4),
            ["top-right"] = bitmap.GetPixel(width - 5, 4),
            ["bottom-left"] = bitmap.GetPixel(4, height - 5),
            ["bottom-right"] = bitmap.GetPixel(width - 5, height - 5),
        };
        Assert.Equal([redCorner], corners.Where(c => c.Value is { Red: > 200, Green: < 80, Blue: < 80 }).Select(c => c.Key));
    }

    [Fact]
    public void A_transparent_png_stays_transparent()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(20, 10, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        for (var x = 0; x < 10; x++)
            for (var y = 0; y < 10; y++) bitmap.SetPixel(x, y, SKColors.Green);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var stored = ImageReencoder.Reencode(png.ToArray(), FileKind.Png).Image!;

        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal(SKColors.Green, decoded.GetPixel(5, 5));
        Assert.Equal(0, decoded.GetPixel(15, 5).Alpha);
    }

    [Fact]
    public void A_png_keeps_every_pixel()
    {
        var png = TestFiles.Png(300, 200, opaque: true);

        var stored = ImageReencoder.Reencode(png, FileKind.Png).Image!;

        using var original = SKBitmap.Decode(png);
        using var reencoded = SKBitmap.Decode(stored);
        Assert.Equal(original.Pixels, reencoded.Pixels);
    }
}
