using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// ASP.NET Core's form reader throws on <c>%00</c> in a urlencoded form, so one NUL anywhere made
/// the whole form unreadable (a 500 on every page). Such a form is read again here with the NUL
/// kept, so that <see cref="RefusedInputFilter"/> shows it as a refused value next to its field.
/// Any other unreadable form stays the framework's 400.
/// </summary>
public sealed class LenientFormReading(RequestDelegate next, IOptions<FormOptions> formOptions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsUrlEncodedPost(context.Request)) await ReadFormAsync(context);
        await next(context);
    }

    private static bool IsUrlEncodedPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType
        && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private async Task ReadFormAsync(HttpContext context)
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

    private async Task<FormCollection> ReadWithNulsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = formOptions.Value;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var pairs = (await reader.ReadToEndAsync(cancellationToken)).Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > limits.ValueCountLimit) throw new BadHttpRequestException("Form value count limit exceeded.");
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs.Select(Field))
        {
            if (key.Length > limits.KeyLengthLimit || value.Length > limits.ValueLengthLimit)
                throw new BadHttpRequestException("Form key or value length limit exceeded.");
            fields[key] = StringValues.Concat(fields.GetValueOrDefault(key), value);
        }
        return new FormCollection(fields);
    }

    private static (string Key, string Value) Field(string pair)
    {
        var equals = pair.IndexOf('=');
        return equals < 0 ? (Decode(pair), string.Empty) : (Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
