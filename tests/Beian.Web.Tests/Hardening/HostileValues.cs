using System.Text;
using System.Text.Json;

namespace Beian.Web.Tests.Hardening;

/// <summary>One hostile form: its name in a failure message and its urlencoded body for the given keys.</summary>
public sealed record HostileForm(string Name, Func<IReadOnlyList<string>, string, string> Body);

/// <summary>A hostile multipart form: its name and its body for the given field keys, file keys and antiforgery token.</summary>
public sealed record HostileMultipart(string Name, bool NeedsFiles, Func<IReadOnlyList<string>, IReadOnlyList<string>, string, HttpContent> Body);

/// <summary>
/// The bounded set of hostile values the suite sends: control characters, a lone surrogate, 100 KB,
/// markup, SQL metacharacters, wrong types, huge and negative numbers, duplicated and missing fields.
/// </summary>
public static class HostileValues
{
    public const string Nul = "a\0b";
    public const string Controls = "\u0001\u001b[31m\u007f\u0085";
    public const string Markup = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>";
    public const string Sql = "' OR 1=1; DROP TABLE \"AspNetUsers\"; --\\";
    public static readonly string HundredKilobytes = new('网', 100 * 1024);

    /// <summary>Half a surrogate pair as a form sends it: UTF-8 bytes no decoder accepts.</summary>
    private const string EncodedLoneSurrogate = "%ED%A0%80";

    private static readonly string[] WrongTypes = ["-1", "99999999999999999999", "abc", "NaN", "1e309", "-2147483649", "2024-02-30"];

    /// <summary>Paging and ids in a query: negative, beyond int, not a number, markup.</summary>
    public static readonly IReadOnlyList<string> QueryValues = ["-1", "2147483648", "99999999999999999999", "abc", Markup];

    /// <summary>Route values for parameters that are not ids (a number, a region code, a document name).</summary>
    public static readonly IReadOnlyList<string> RouteValues = ["-1", "99999999999999999999", "abc", Markup, Sql, new string('9', 5000)];

    public static IReadOnlyList<HostileForm> Forms { get; } =
    [
        Each("NUL", _ => Nul),
        Each("control characters", _ => Controls),
        new("lone surrogate", (keys, token) => Join(token, keys.Select(k => (Encode(k), EncodedLoneSurrogate)))),
        Each("100 KB", i => i < 3 ? HundredKilobytes : "x"),
        Each("markup", _ => Markup),
        Each("SQL metacharacters", _ => Sql),
        Each("wrong types and huge or negative numbers", i => WrongTypes[i % WrongTypes.Length]),
        new("duplicated fields", (keys, token) => Join(token, keys.SelectMany(k => new[] { (Encode(k), "1"), (Encode(k), "2") }))),
        new("missing fields", (_, token) => Join(token, [])),
        new("no antiforgery token", (keys, _) => string.Join('&', keys.Select(k => $"{Encode(k)}=1"))),
    ];

    /// <summary>
    /// Multipart forms as a browser sends an upload form: every handler gets the first (markup in the fields, an
    /// HTML page posing as a PNG under a path-climbing name); handlers that bind files also get empty files,
    /// and a PDF that hides a script, under a 300-character name with control characters.
    /// </summary>
    public static IReadOnlyList<HostileMultipart> Multiparts { get; } =
    [
        new("multipart: markup, an HTML page named ../../x.png", false, (keys, files, token) => Multipart(token, keys, Markup, files,
            "../../<b>x</b>.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "image/png")),
        new("multipart: NUL in the fields, empty files", true, (keys, files, token) => Multipart(token, keys, Nul, files,
            "empty.png", [], "image/png")),
        new("multipart: a PDF with a script under a long odd name", true, (keys, files, token) => Multipart(token, keys, "1", files,
            new string('名', 300) + "\u0001.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF"),
            "application/pdf")),
    ];

    private static MultipartFormDataContent Multipart(string token, IReadOnlyList<string> keys, string value, IReadOnlyList<string> files,
        string fileName, byte[] content, string contentType)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var key in keys) form.Add(new StringContent(value), key);
        foreach (var key in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            form.Add(file, key, fileName);
        }
        return form;
    }

    /// <summary>JSON bodies for an API whose body binds <paramref name="bodyType"/>.</summary>
    public static IEnumerable<(string Name, string Json)> JsonBodies(Type bodyType)
    {
        var names = bodyType.GetProperties().Where(p => p.CanRead).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
        string Object(string value) => "{" + string.Join(',', names.Select(n => $"\"{n}\":{value}")) + "}";
        yield return ("malformed", "{\"" + names.FirstOrDefault() + "\": ");
        yield return ("an array", "[]");
        yield return ("null", "null");
        yield return ("missing fields", "{}");
        yield return ("NUL in every field", Object("\"a\\u0000b\""));
        yield return ("lone surrogate in every field", Object("\"\\ud800\""));
        yield return ("100 KB in every field", Object(JsonSerializer.Serialize(HundredKilobytes)));
        yield return ("markup in every field", Object(JsonSerializer.Serialize(Markup)));
        yield return ("huge numbers", Object("99999999999999999999"));
        yield return ("negative numbers", Object("-1"));
        yield return ("nested objects", Object("{\"x\":[1,{}]}"));
        yield return ("duplicated fields", "{" + string.Join(',', names.SelectMany(n => new[] { $"\"{n}\":\"1\"", $"\"{n}\":\"2\"" })) + "}");
    }

    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static HostileForm Each(string name, Func<int, string> valueAt) =>
        new(name, (keys, token) => Join(token, keys.Select((k, i) => (Encode(k), Encode(valueAt(i))))));

    private static string Join(string token, IEnumerable<(string Key, string Value)> fields)
    {
        var body = new StringBuilder("__RequestVerificationToken=").Append(Encode(token));
        foreach (var (key, value) in fields) body.Append('&').Append(key).Append('=').Append(value);
        return body.ToString();
    }
}
