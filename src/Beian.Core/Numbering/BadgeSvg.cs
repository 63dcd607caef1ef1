namespace Beian.Core.Numbering;

/// <summary>
/// This platform's own badge shown beside a 公安备案号: a navy shield outline with a gold check mark
/// and a thin globe line. Our own drawing, deliberately unlike the police emblem.
/// </summary>
public static class BadgeSvg
{
    public const string Navy = "#1F3A68";
    public const string Gold = "#D4A017";

    /// <summary>A scalable SVG document on a 20×20 viewBox, drawn at 20×20 px unless the size is given.</summary>
    public static string Render(int size = 20) =>
        $"""
        <svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 20 20" role="img" aria-label="公安备案图标">
          <path d="M10 1.5 L17 4 V9.5 C17 13.8 14 16.9 10 18.5 C6 16.9 3 13.8 3 9.5 V4 Z" fill="#FFFFFF" stroke="{Navy}" stroke-width="1.6" stroke-linejoin="round"/>
          <path d="M4.2 6.6 C7.5 5.2 12.5 5.2 15.8 6.6" fill="none" stroke="{Navy}" stroke-width="0.8" stroke-linecap="round"/>
          <path d="M6.5 10.5 L9 13 L13.8 8.2" fill="none" stroke="{Gold}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
        """;
}
