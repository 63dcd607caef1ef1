using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Beian.ClusterDrill;

/// <summary>A file chosen in a file input.</summary>
public sealed record Upload(string FileName, byte[] Content, string ContentType);

/// <summary>
/// A person's browser without JavaScript against one base address: GETs pages, submits the form of a
/// named button with the form's own fields (antiforgery token included), follows redirects, keeps
/// cookies. Clients sharing a <see cref="CookieContainer"/> share the session across nodes.
/// </summary>
public sealed class Browser(Uri baseAddress, CookieContainer cookies, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    })
    { BaseAddress = baseAddress, Timeout = timeout };

    public HttpStatusCode LastStatus { get; private set; }

    public HttpClient Http => _http;

    public async Task<IHtmlDocument> GetAsync(string url) => await ParseAsync(await FollowAsync(await _http.GetAsync(url)));

    public async Task<IHtmlDocument> SubmitAsync(IHtmlDocument page, string button, IDictionary<string, string>? fields = null,
        IDictionary<string, Upload>? files = null)
    {
        var submitter = page.QuerySelectorAll("button, input[type=submit]").OfType<IHtmlElement>()
            .FirstOrDefault(b => b.TextContent.Trim() == button || b.GetAttribute("value") == button)
            ?? throw new DrillException($"no button “{button}” on {new Uri(page.Url).PathAndQuery} ({Summary(page)})");
        var form = (IHtmlFormElement?)submitter.Closest("form") ?? throw new DrillException($"button “{button}” is not in a form");
        var values = FormValues(form);
        if (submitter.GetAttribute("name") is { Length: > 0 } name) values.Add(new(name, submitter.GetAttribute("value") ?? ""));
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == key);
            values.Add(new(key, value));
        }
        var action = submitter.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        HttpContent content = form.Enctype == "multipart/form-data" ? Multipart(values, files) : new FormUrlEncodedContent(values);
        return await ParseAsync(await FollowAsync(await _http.PostAsync(target, content)));
    }

    /// <summary>The error summary of a page, or its path: what went wrong, for a drill's message.</summary>
    public static string Summary(IHtmlDocument page) =>
        page.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? page.QuerySelector("h1")?.TextContent.Trim() ?? new Uri(page.Url).AbsolutePath;

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> values, IDictionary<string, Upload>? files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in values) content.Add(new StringContent(value), key);
        foreach (var (key, file) in files ?? new Dictionary<string, Upload>())
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
                    values.Add(new(name, select.Value ?? ""));
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
        for (var hops = 0; hops < 10 && (int)response.StatusCode is 301 or 302 or 303 or 307; hops++)
            response = await _http.GetAsync(response.Headers.Location!);
        LastStatus = response.StatusCode;
        return response;
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default)
            .OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!.ToString()));
        return (IHtmlDocument)document;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A flow that did not go as a person would expect; the message says where.</summary>
public sealed class DrillException(string message) : Exception(message);
