using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// ASP.NET Core's form reader throws on <c>%00</c> in a urlencoded form, so one NUL anywhere made
/// the whole form unreadable (a 500 on every page). Such a form is read again here with the NUL
/// kept, so that <see cref="RefusedInputFilter"/> shows it as a refused value next to its field.
/// Any other unreadable form stays the framework's 400.
/// </summary>
public sealed class LenientFormReading(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsUrlEncodedPost(context.Request)) await ReadFormAsync(context);
        await next(context);
    }

    private static bool IsUrlEncodedPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType
        && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static async Task ReadFormAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException error) when (error.InnerException is InvalidOperationException)
        {
            request.Body.Position = 0;
            var form = await ReadWithNulsAsync(request, context.RequestAborted);
            context.Features.Set<IFormFeature>(new FormFeature(form));
        }
    }

    private static async Task<FormCollection> ReadWithNulsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = request.HttpContext.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<FormOptions>>()?.Value ?? new FormOptions();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > limits.ValueCountLimit) throw new BadHttpRequestException("Form value count limit exceeded.");
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (key.Length > limits.KeyLengthLimit || value.Length > limits.ValueLengthLimit)
                throw new BadHttpRequestException("Form key or value length limit exceeded.");
            fields[key] = StringValues.Concat(fields.GetValueOrDefault(key), value);
        }
        return new FormCollection(fields);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
