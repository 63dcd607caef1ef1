using Beian.Web.Features.Captcha;
using SkiaSharp;

namespace Beian.Web.Tests.Captcha;

public class CaptchaImageTests
{
    [Fact]
    public void Every_character_the_generator_can_pick_has_a_drawn_glyph()
    {
        foreach (var c in RandomCaptchaAnswerGenerator.Alphabet)
            Assert.True(CaptchaImageRenderer.CanDraw(c), $"no glyph for '{c}'");
    }

    [Fact]
    public void Answers_are_four_characters_from_the_alphabet_and_vary()
    {
        var generator = new RandomCaptchaAnswerGenerator();
        var answers = Enumerable.Range(0, 50).Select(_ => generator.NextAnswer()).ToList();
        Assert.All(answers, a => Assert.Equal(4, a.Length));
        Assert.All(answers, a => Assert.All(a, c => Assert.Contains(c, RandomCaptchaAnswerGenerator.Alphabet)));
        Assert.True(answers.Distinct().Count() > 40);
    }

    [Fact]
    public void The_image_is_a_png_of_the_declared_size_with_dark_strokes_on_a_light_ground()
    {
        var png = new CaptchaImageRenderer().RenderPng("H2A7");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(CaptchaImageRenderer.Width, bitmap.Width);
        Assert.Equal(CaptchaImageRenderer.Height, bitmap.Height);
        var dark = 0;
        for (var x = 0; x < bitmap.Width; x++)
            for (var y = 0; y < bitmap.Height; y++)
                if (bitmap.GetPixel(x, y).Red < 100) dark++;
        Assert.InRange(dark, 150, bitmap.Width * bitmap.Height / 3);
    }
}
