using Beian.Core.Uploads;
using SkiaSharp;

namespace Beian.Web.Features.Uploads;

/// <summary>An image as stored: re-encoded, or the Chinese reason it is refused.</summary>
public sealed record ImageReencoding(byte[]? Image, string? Error)
{
    public static ImageReencoding Refused(string error) => new(null, error);
}

/// <summary>
/// The image half of an upload (issue 16): the bytes must decode, completely, as the kind their magic
/// number says, within <see cref="UploadRules.MaxImageSide"/> pixels a side; then the pixels, turned
/// upright by the EXIF orientation, are encoded again in the same format (converted to sRGB, JPEG at quality
/// <see cref="JpegQuality"/>). Only pixels survive: no metadata (EXIF, text chunks, comments) and
/// nothing after the image data (an appended HTML page or script). Decoding takes 4 bytes a pixel,
/// up to 400 MB for the largest allowed picture, so images above <see cref="UngatedPixels"/> pixels
/// are decoded one at a time per node.
/// </summary>
public static class ImageReencoder
{
    public const int JpegQuality = 90;
    public const long UngatedPixels = 16L * 1024 * 1024;
    private static readonly SemaphoreSlim LargeImages = new(1, 1);

    public static ImageReencoding Reencode(byte[] content, FileKind kind)
    {
        if (!UploadRules.IsImage(kind)) throw new ArgumentOutOfRangeException(nameof(kind));
        try
        {
            using var data = SKData.CreateCopy(content);
            using var codec = SKCodec.Create(data);
            if (Refusal(codec, kind) is { } refusal) return ImageReencoding.Refused(refusal);
            if ((long)codec.Info.Width * codec.Info.Height <= UngatedPixels) return DecodeAndEncode(codec, kind);
            LargeImages.Wait();
            try
            {
                return DecodeAndEncode(codec, kind);
            }
            finally
            {
                LargeImages.Release();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ImageReencoding.Refused(UploadRules.MessageBrokenImage);
        }
    }

    private static string? Refusal(SKCodec? codec, FileKind kind)
    {
        if (codec is null) return UploadRules.MessageBrokenImage;
        var expected = kind == FileKind.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        if (codec.EncodedFormat != expected) return UploadRules.MessageBrokenImage;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return UploadRules.MessageBrokenImage;
        if (width > UploadRules.MaxImageSide || height > UploadRules.MaxImageSide) return UploadRules.MessageImageTooLarge;
        return null;
    }

    private static ImageReencoding DecodeAndEncode(SKCodec codec, FileKind kind)
    {
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info)) return ImageReencoding.Refused(UploadRules.MessageImageTooLarge);
        // Anything short of a complete decode (truncated or corrupt data) is a broken image.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return ImageReencoding.Refused(UploadRules.MessageBrokenImage);

        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : ImageOrientation.Upright(decoded, codec.EncodedOrigin);
        using var encoded = Encode(turned ?? decoded, kind);
        return encoded is null ? ImageReencoding.Refused(UploadRules.MessageBrokenImage) : new ImageReencoding(encoded.ToArray(), null);
    }

    /// <summary>
    /// The sRGB pixels encoded untagged: Skia would otherwise write an sRGB chunk or ICC profile, and
    /// untagged images are shown as sRGB anyway.
    /// </summary>
    private static SKData? Encode(SKBitmap bitmap, FileKind kind)
    {
        using var tagged = bitmap.PeekPixels();
        using var untagged = new SKPixmap(tagged.Info.WithColorSpace(null), tagged.GetPixels(), tagged.RowBytes);
        return kind == FileKind.Png
            ? untagged.Encode(SKEncodedImageFormat.Png, 100)
            : untagged.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
    }
}

/// <summary>Pixels stored as a camera wrote them, turned to how its EXIF orientation says to show them.</summary>
public static class ImageOrientation
{
    /// <summary>A new bitmap holding the pixels upright.</summary>
    public static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (width, height) = (bitmap.Width, bitmap.Height);
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = new SKBitmap(bitmap.Info.WithSize(turned ? height : width, turned ? width : height));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(Placement(origin, width, height));
        canvas.DrawBitmap(bitmap, 0, 0);
        return upright;
    }

    /// <summary>Where a stored pixel (x, y) of a width × height picture goes: x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.</summary>
    private static SKMatrix Placement(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
