using System.Globalization;
using System.Text;

namespace Beian.Core.Numbering;

/// <summary>
/// One path of the badge: SVG path data on the <see cref="BadgeSvg.ViewBoxSize"/>×<see cref="BadgeSvg.ViewBoxSize"/>
/// view box, an optional fill and a stroke. Colours are <c>#RRGGBB</c>. <paramref name="RoundCaps"/> and
/// <paramref name="RoundJoins"/> are SVG's <c>stroke-linecap="round"</c> / <c>stroke-linejoin="round"</c>
/// (otherwise butt caps and miter joins, the SVG defaults). Every renderer (SVG, PNG) draws these.
/// </summary>
public sealed record BadgePath(
    string Data,
    string? Fill,
    string Stroke,
    float StrokeWidth,
    bool RoundCaps = false,
    bool RoundJoins = false);

/// <summary>
/// This platform's own badge shown beside a 公安备案号: a navy shield outline with a gold check mark
/// and a thin globe line. Our own drawing, deliberately unlike the police emblem.
/// The drawing is <see cref="Paths"/>; <see cref="Render"/> writes it as SVG, the web host rasterises the same paths to PNG.
/// </summary>
public static class BadgeSvg
{
    public const string Navy = "#1F3A68";
    public const string Gold = "#D4A017";
    public const string White = "#FFFFFF";

    /// <summary>The drawing's coordinate system: a square view box of this many units.</summary>
    public const int ViewBoxSize = 20;

    public const string ShieldData = "M10 1.5 L17 4 V9.5 C17 13.8 14 16.9 10 18.5 C6 16.9 3 13.8 3 9.5 V4 Z";
    public const string GlobeLineData = "M4.2 6.6 C7.5 5.2 12.5 5.2 15.8 6.6";
    public const string CheckData = "M6.5 10.5 L9 13 L13.8 8.2";

    public static readonly BadgePath Shield = new(ShieldData, White, Navy, 1.6f, RoundJoins: true);
    public static readonly BadgePath GlobeLine = new(GlobeLineData, null, Navy, 0.8f, RoundCaps: true);
    public static readonly BadgePath Check = new(CheckData, null, Gold, 2f, RoundCaps: true, RoundJoins: true);

    /// <summary>The paths in drawing order (back to front).</summary>
    public static IReadOnlyList<BadgePath> Paths { get; } = [Shield, GlobeLine, Check];

    /// <summary>A scalable SVG document on a 20×20 viewBox, drawn at 20×20 px unless the size is given.</summary>
    public static string Render(int size = ViewBoxSize)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {ViewBoxSize} {ViewBoxSize}\" role=\"img\" aria-label=\"公安备案图标\">\n");
        foreach (var path in Paths)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"  <path d=\"{path.Data}\" fill=\"{path.Fill ?? "none"}\" stroke=\"{path.Stroke}\" stroke-width=\"{path.StrokeWidth}\"");
            if (path.RoundCaps) svg.Append(" stroke-linecap=\"round\"");
            if (path.RoundJoins) svg.Append(" stroke-linejoin=\"round\"");
            svg.Append("/>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
