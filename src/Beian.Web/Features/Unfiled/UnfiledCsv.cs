using System.Globalization;
using System.Text;
using Beian.Core.IdentityNumbers;
using Beian.Core.Numbering;
using Beian.Core.Websites;
using CsvHelper;

namespace Beian.Web.Features.Unfiled;

/// <summary>A refused row: its line in the file (the header is line 1) and the reason in Chinese.</summary>
public sealed record ImportFailure(int Line, string Reason);

/// <summary>A valid 未备案网站 row. The certificate number is only held in memory, to be hashed.</summary>
public sealed record UnfiledSiteRow(int Line, DomainName Domain, string Ip, string Provider,
    DateOnly FirstSeenOn, DateOnly Deadline, string CertificateNumber);

/// <summary>A valid 网站认领 row.</summary>
public sealed record OfflineFilingRow(int Line, PublicSecurityNumber Number, string SiteName, IReadOnlyList<DomainName> Domains,
    string SubjectName, string CertificateNumber, DateOnly FiledOn, string? IcpNumber);

public sealed record CsvParseResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<ImportFailure> Failures);

/// <summary>
/// The two CSV formats of the police import (Chinese headers, one record a line), read with
/// CsvHelper. Files may be UTF-8 (with or without BOM) or GB18030/GBK as Excel exports Chinese CSV:
/// valid UTF-8 is read as UTF-8, anything else as GB18030. Each row is checked on its own; a row
/// that fails is reported with its line number and the others are kept.
/// </summary>
public static class UnfiledCsv
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public const string Domain = "域名";
    public const string Ip = "IP";
    public const string Provider = "接入服务商";
    public const string FirstSeen = "发现日期";
    public const string Deadline = "整改期限";
    public const string Certificate = "主体证件号码";
    public const string Number = "公安备案号";
    public const string SiteName = "网站名称";
    public const string SubjectName = "开办者名称";
    public const string FiledOn = "备案日期";
    public const string Icp = "工信部备案号";

    public static readonly string[] UnfiledSiteColumns = [Domain, Ip, Provider, FirstSeen, Deadline, Certificate];
    public static readonly string[] OfflineFilingColumns = [Number, SiteName, Domain, SubjectName, Certificate, FiledOn];
    /// <summary>Optional trailing column of the 认领 file.</summary>
    public static readonly string[] OfflineFilingOptionalColumns = [Icp];

    public const string UnfiledTemplateName = "未备案网站模板.csv";
    public const string OfflineTemplateName = "已备案网站认领模板.csv";

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d"];
    private static readonly char[] ListSeparators = ['；', ';', '|', '｜'];
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static UnfiledCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 (a superset of GBK and GB2312).</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GB18030.</summary>
    public static string Decode(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(content);
        }
    }

    /// <summary>The template: the header line, UTF-8 with a BOM so that Excel shows the Chinese.</summary>
    public static byte[] Template(UnfiledImportKind kind)
    {
        var columns = kind == UnfiledImportKind.UnfiledSites
            ? UnfiledSiteColumns
            : OfflineFilingColumns.Concat(OfflineFilingOptionalColumns);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', columns) + "\r\n")];
    }

    public static string TemplateName(UnfiledImportKind kind) =>
        kind == UnfiledImportKind.UnfiledSites ? UnfiledTemplateName : OfflineTemplateName;

    public static CsvParseResult<UnfiledSiteRow> ParseUnfiledSites(byte[] content)
    {
        var rows = new List<UnfiledSiteRow>();
        var failures = new List<ImportFailure>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        Read(content, UnfiledSiteColumns, failures, (line, get) =>
        {
            var errors = new List<string>();
            DomainName? domain = null;
            if (!DomainName.TryParse(get(Domain), out var parsed, out var domainError)) errors.Add($"域名：{domainError}");
            else domain = parsed;

            var ips = new List<string>();
            foreach (var entry in SplitList(get(Ip)))
            {
                if (IpRange.TryParse(entry, out var range, out var ipError)) ips.Add(range.ToString());
                else errors.Add($"IP：{ipError}");
            }
            var ipText = string.Join('；', ips);
            if (ipText.Length > 1000) errors.Add("IP：内容过长");

            var provider = get(Provider);
            if (provider.Length > 200) errors.Add("接入服务商：不能超过200个字");

            var firstSeen = ReadDate(get(FirstSeen), FirstSeen, errors);
            var deadline = ReadDate(get(Deadline), Deadline, errors);
            if (firstSeen is { } f && deadline is { } d && d < f) errors.Add("整改期限不能早于发现日期");

            var certificate = ReadCertificate(get(Certificate), errors);

            if (domain != null && seen.TryGetValue(domain.Ascii, out var first))
                errors.Add($"域名与第{first}行重复");
            if (errors.Count > 0)
            {
                failures.Add(new ImportFailure(line, string.Join("；", errors)));
                return;
            }
            seen[domain!.Ascii] = line;
            rows.Add(new UnfiledSiteRow(line, domain, ipText, provider, firstSeen!.Value, deadline!.Value, certificate!));
        });
        return new CsvParseResult<UnfiledSiteRow>(rows, Sorted(failures));
    }

    public static CsvParseResult<OfflineFilingRow> ParseOfflineFilings(byte[] content, DateOnly? today = null)
    {
        var rows = new List<OfflineFilingRow>();
        var failures = new List<ImportFailure>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        Read(content, OfflineFilingColumns, failures, (line, get) =>
        {
            var errors = new List<string>();
            PublicSecurityNumber? number = null;
            var numberText = get(Number);
            if (numberText.Length == 0) errors.Add("公安备案号：请填写公安备案号");
            else if (!PublicSecurityNumber.TryParse(numberText, out var parsedNumber, out var numberError)) errors.Add($"公安备案号：{numberError}");
            else number = parsedNumber;

            var siteName = get(SiteName);
            if (siteName.Length == 0) errors.Add("网站名称：请填写网站名称");
            else if (siteName.Length > 200) errors.Add("网站名称：不能超过200个字");

            var domains = new List<DomainName>();
            var domainEntries = SplitList(get(Domain));
            if (domainEntries.Count == 0) errors.Add("域名：请填写域名");
            foreach (var entry in domainEntries)
            {
                if (!DomainName.TryParse(entry, out var domain, out var domainError)) errors.Add($"域名“{entry}”：{domainError}");
                else if (!domains.Contains(domain)) domains.Add(domain);
            }
            if (domains.Sum(d => d.Ascii.Length + 1) > 2000) errors.Add("域名：内容过长");

            var subjectName = get(SubjectName);
            if (subjectName.Length == 0) errors.Add("开办者名称：请填写开办者名称");
            else if (subjectName.Length > 200) errors.Add("开办者名称：不能超过200个字");

            var certificate = ReadCertificate(get(Certificate), errors);
            var filedOn = ReadDate(get(FiledOn), FiledOn, errors);
            if (filedOn is { } on && today is { } t && on > t) errors.Add("备案日期不能晚于今天");

            string? icp = null;
            var icpText = get(Icp);
            if (icpText.Length > 0)
            {
                if (IcpNumber.TryParse(icpText, out var parsedIcp, out var icpError)) icp = parsedIcp.Value;
                else errors.Add($"工信部备案号：{icpError}");
            }

            if (number is { } n && seen.TryGetValue(n.Digits, out var first))
                errors.Add($"公安备案号与第{first}行重复");
            if (errors.Count > 0)
            {
                failures.Add(new ImportFailure(line, string.Join("；", errors)));
                return;
            }
            seen[number!.Value.Digits] = line;
            rows.Add(new OfflineFilingRow(line, number.Value, siteName, domains, subjectName, certificate!, filedOn!.Value, icp));
        });
        return new CsvParseResult<OfflineFilingRow>(rows, Sorted(failures));
    }

    /// <summary>Reads the header, checks the required columns, then hands each non-blank record on.</summary>
    private static void Read(byte[] content, string[] required, List<ImportFailure> failures, Action<int, Func<string, string>> row)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            NormalizeHeaderName = Normalize,
        };
        using var csv = CsvReader.FromText(Decode(content), options);
        try
        {
            var headers = csv.Headers.Select(Normalize).ToHashSet();
            if (headers.All(h => h.Length == 0))
            {
                failures.Add(new ImportFailure(1, "文件为空，请使用模板填写后上传"));
                return;
            }
            var missing = required.Where(c => !headers.Contains(Normalize(c))).ToList();
            if (missing.Count > 0)
            {
                failures.Add(new ImportFailure(1, $"表头缺少列：{string.Join("、", missing)}（请使用模板，第一行为列名）"));
                return;
            }
            while (csv.Read())
            {
                var blank = true;
                for (var i = 0; i < csv.FieldCount && blank; i++) blank = string.IsNullOrWhiteSpace(csv.GetString(i));
                if (blank) continue;
                var line = (int)csv.LineNumber;
                row(line, name => csv.TryGetFieldIndex(Normalize(name), out var index) && index < csv.FieldCount
                    ? csv.GetString(index).Trim()
                    : string.Empty);
            }
        }
        catch (CsvFormatException)
        {
            failures.Add(new ImportFailure(0, "文件格式不正确，无法读取其余内容（请检查引号是否成对）"));
        }
    }

    private static string Normalize(string header) => header.Trim().Trim('\uFEFF').Trim().ToUpperInvariant();

    private static List<string> SplitList(string text) =>
        text.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static DateOnly? ReadDate(string text, string column, List<string> errors)
    {
        if (text.Length == 0)
        {
            errors.Add($"{column}：请填写{column}");
            return null;
        }
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add($"{column}：日期格式不正确，应为yyyy-MM-dd或yyyy/M/d（如2026-01-05）");
        return null;
    }

    private static string? ReadCertificate(string text, List<string> errors)
    {
        // Spelt as the subjects' numbers are stored, so that the hashes meet.
        var value = CertificateNumbers.Normalize(text) ?? string.Empty;
        if (value.Length == 0)
        {
            errors.Add("主体证件号码：请填写主体证件号码");
            return null;
        }
        if (value.Length > 50)
        {
            errors.Add("主体证件号码：不能超过50个字符");
            return null;
        }
        return value;
    }

    private static List<ImportFailure> Sorted(List<ImportFailure> failures) => failures.OrderBy(f => f.Line).ToList();
}
