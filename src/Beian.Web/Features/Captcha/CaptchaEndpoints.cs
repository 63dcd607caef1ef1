namespace Beian.Web.Features.Captcha;

public static class CaptchaEndpoints
{
    public static IEndpointRouteBuilder MapCaptcha(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/captcha/{id:guid}.png", async (Guid id, CaptchaService captcha, CaptchaImageRenderer renderer, HttpContext http, CancellationToken ct) =>
        {
            var answer = await captcha.AnswerForImageAsync(id, ct);
            if (answer == null) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(renderer.RenderPng(answer), "image/png");
        }).ExcludeFromDescription();

        // 【换一张】: a new challenge for pages that refresh the image without reloading.
        routes.MapPost("/captcha/new", async (CaptchaService captcha, CancellationToken ct) =>
        {
            var id = await captcha.CreateAsync(ct);
            return Results.Json(new { id, image = $"/captcha/{id}.png" });
        }).ExcludeFromDescription().RequireRateLimiting("captcha");
        return routes;
    }
}
