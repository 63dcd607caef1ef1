using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// A person's browser, minus JavaScript: it GETs pages, fills in the forms it finds there (the
/// antiforgery token and the other hidden fields come along as a browser would send them), presses
/// a named button and follows redirects, keeping cookies.
/// </summary>
public sealed class PlatformClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public HttpResponseMessage? LastResponse { get; private set; }

    public async Task<IHtmlDocument> GetAsync(string url)
    {
        var response = await FollowAsync(await http.GetAsync(url));
        return await ParseAsync(response);
    }

    /// <summary>
    /// Submits the form that contains the button named <paramref name="button"/> (its visible text),
    /// with <paramref name="fields"/> typed over the form's current values.
    /// </summary>
    public async Task<IHtmlDocument> SubmitAsync(IHtmlDocument page, string button, IDictionary<string, string>? fields = null,
        IDictionary<string, TestUpload>? files = null)
    {
        var submitter = page.QuerySelectorAll("button, input[type=submit]")
            .OfType<IHtmlElement>()
            .FirstOrDefault(b => (b.TextContent.Trim() == button) || (b.GetAttribute("value") == button))
            ?? throw new InvalidOperationException($"No button “{button}” on {page.Url}: “{page.Title}” {Shorten(page.Body?.TextContent)}");
        return await PressAsync(page, submitter, fields, files);
    }

    private static string Shorten(string? text)
    {
        var words = string.Join(' ', (text ?? string.Empty).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return words.Length > 300 ? words[..300] + "…" : words;
    }

    /// <summary>Presses one particular button (when several share a name), as a browser would.</summary>
    public async Task<IHtmlDocument> PressAsync(IHtmlDocument page, IHtmlElement submitter, IDictionary<string, string>? fields = null,
        IDictionary<string, TestUpload>? files = null)
    {
        var button = submitter.TextContent.Trim();
        var form = (IHtmlFormElement?)submitter.Closest("form")
            ?? throw new InvalidOperationException($"Button “{button}” is not inside a form");

        var values = FormValues(form);
        if (submitter.GetAttribute("name") is { Length: > 0 } name)
            values.Add(new(name, submitter.GetAttribute("value") ?? string.Empty));
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == key);
            values.Add(new(key, value));
        }

        var action = submitter.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? PathOf(page) : action;
        HttpContent content = form.Enctype == "multipart/form-data"
            ? Multipart(values, files)
            : new FormUrlEncodedContent(values);
        var response = await http.PostAsync(target, content);
        return await ParseAsync(await FollowAsync(response));
    }

    public async Task<HttpResponseMessage> PostRawAsync(string url, IEnumerable<KeyValuePair<string, string>> values) =>
        LastResponse = await http.PostAsync(url, new FormUrlEncodedContent(values));

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> values, IDictionary<string, TestUpload>? files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in values) content.Add(new StringContent(value), key);
        foreach (var (key, file) in files ?? new Dictionary<string, TestUpload>())
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, key, file.FileName);
        }
        return content;
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name:
                    if (input.Type is "submit" or "button" or "file") break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    values.Add(new(name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        return values;
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && IsRedirect(response.StatusCode); hops++)
        {
            var location = response.Headers.Location!;
            response = await http.GetAsync(location);
        }
        LastResponse = response;
        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect;

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var url = response.RequestMessage!.RequestUri!.ToString();
        var document = await context.OpenAsync(request => request.Content(html).Address(url));
        return (IHtmlDocument)document;
    }

    private static string PathOf(IDocument page) => new Uri(page.Url).PathAndQuery;

    public void Dispose() => http.Dispose();
}

/// <summary>A file a test "chooses" in a file input.</summary>
public sealed record TestUpload(string FileName, byte[] Content, string ContentType)
{
    public static TestUpload Png(string name = "scan.png") => new(name, Uploads.TestFiles.Png(), "image/png");
}

public static class PageAssertions
{
    /// <summary>The error message shown next to a field (ASP.NET's asp-validation-for span).</summary>
    public static string FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;

    public static string Text(this IDocument page) => page.Body?.TextContent ?? string.Empty;

    public static string PathOf(this IDocument page) => new Uri(page.Url).AbsolutePath;
}
