using System.Text;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.MiniPrograms;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Beian.Web.Data;

/// <summary>
/// On PostgreSQL the audit hashes and the sealed documents are stored as their bytes, not as the text the
/// code handles: a SHA-256 hash takes 33 bytes instead of 65, a document's ciphertext three quarters of its
/// base64. The entities keep their strings; SQLite, the embedded store, keeps the text.
/// </summary>
public static class CompactColumns
{
    // Untyped, so that one converter serves the nullable columns too.
    private static readonly ValueConverter Hex = HexBytesConverter.Instance, Cipher = CipherBytesConverter.Instance;

    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<AuditRecord>(record =>
        {
            record.Property(r => r.ContentHash).HasConversion(Hex);
            record.Property(r => r.PreviousHash).HasConversion(Hex);
            record.Property(r => r.ChainHash).HasConversion(Hex);
        });
        builder.Entity<FilingApplication>(application =>
        {
            application.Property(a => a.SnapshotCipher).HasConversion(Cipher);
            application.Property(a => a.PreviousSnapshotCipher).HasConversion(Cipher);
        });
        builder.Entity<Website>().Property(w => w.DataCipher).HasConversion(Cipher);
        builder.Entity<App>().Property(a => a.DataCipher).HasConversion(Cipher);
        builder.Entity<MiniProgram>().Property(m => m.DataCipher).HasConversion(Cipher);
        builder.Entity<Subject>().Property(s => s.DataCipher).HasConversion(Cipher);
        builder.Entity<Assessment>().Property(a => a.DataCipher).HasConversion(Cipher);
        builder.Entity<Draft>().Property(d => d.PayloadCipher).HasConversion(Cipher);
    }

    /// <summary>The PostgreSQL expression that turns a hex column's text into the bytes <see cref="HexBytesConverter"/> stores.</summary>
    public static string HexToBytesSql(string column) => $"""decode("{column}", 'hex')""";

    public static string BytesToHexSql(string column) => $"""encode("{column}", 'hex')""";

    /// <summary>The PostgreSQL expression that turns a cipher column's text into the bytes <see cref="CipherBytesConverter"/> stores.</summary>
    public static string CipherToBytesSql(string column)
    {
        var text = $"\"{column}\"";
        string AfterMark(string mark) => $"substr({text}, {mark.Length + 1})";
        var asText = $"'\\x{CipherBytesConverter.Text:x2}'::bytea || convert_to({text}, 'UTF8')";
        // Nested CASEs: PostgreSQL evaluates a CASE's branches in order, an AND's operands in any order (decode must not see bad text).
        string IfCanonical(string body, byte kind) => $"""
            CASE WHEN {body} ~ '^[A-Za-z0-9_-]+$' AND length({body}) % 4 <> 1 THEN
                CASE WHEN {Base64UrlEncodeSql(Base64UrlDecodeSql(body))} = {body} THEN '\x{kind:x2}'::bytea || {Base64UrlDecodeSql(body)} ELSE {asText} END
            ELSE {asText} END
            """;
        return $"""
            CASE
                WHEN {text} = '' THEN ''::bytea
                WHEN {text} LIKE '{PersonalDataProtector.DictionaryMark}%' THEN {IfCanonical(AfterMark(PersonalDataProtector.DictionaryMark), CipherBytesConverter.Dictionary)}
                WHEN {text} LIKE '{PersonalDataProtector.CompressedMark}%' THEN {IfCanonical(AfterMark(PersonalDataProtector.CompressedMark), CipherBytesConverter.Compressed)}
                ELSE {IfCanonical(text, CipherBytesConverter.Plain)}
            END
            """;
    }

    private static string Base64UrlDecodeSql(string text) =>
        $"decode(rpad(translate({text}, '-_', '+/'), (length({text}) + 3) / 4 * 4, '='), 'base64')";

    private static string Base64UrlEncodeSql(string bytes) =>
        $"rtrim(translate(replace(encode({bytes}, 'base64'), E'\\n', ''), '+/', '-_'), '=')";

    /// <summary>The PostgreSQL expression that turns the bytes back into the text (the migration's Down).</summary>
    public static string BytesToCipherSql(string column)
    {
        var body = $"substring(\"{column}\" from 2)";
        return $"""
            CASE
                WHEN length("{column}") = 0 THEN ''
                WHEN get_byte("{column}", 0) = {CipherBytesConverter.Compressed} THEN '{PersonalDataProtector.CompressedMark}' || {Base64UrlEncodeSql(body)}
                WHEN get_byte("{column}", 0) = {CipherBytesConverter.Dictionary} THEN '{PersonalDataProtector.DictionaryMark}' || {Base64UrlEncodeSql(body)}
                WHEN get_byte("{column}", 0) = {CipherBytesConverter.Plain} THEN {Base64UrlEncodeSql(body)}
                ELSE convert_from({body}, 'UTF8')
            END
            """;
    }
}

/// <summary>Lower-case hex ⇄ its bytes.</summary>
public sealed class HexBytesConverter() : ValueConverter<string, byte[]>(
    text => Convert.FromHexString(text),
    bytes => Convert.ToHexStringLower(bytes))
{
    public static readonly HexBytesConverter Instance = new();
}

/// <summary>
/// A ciphertext (base64url, "br." before it when compressed) ⇄ one byte saying which, then the decoded bytes.
/// Anything else (never written by the protector) is kept as its UTF-8 text, so every string comes back as it went in.
/// </summary>
public sealed class CipherBytesConverter() : ValueConverter<string, byte[]>(
    text => ToBytes(text),
    bytes => FromBytes(bytes))
{
    /// <summary>The first byte: what the text began with (no mark, <see cref="PersonalDataProtector.CompressedMark"/>,
    /// <see cref="PersonalDataProtector.DictionaryMark"/>), or <see cref="Text"/> for text kept as it was.</summary>
    public const byte Plain = 0, Compressed = 1, Text = 2, Dictionary = 3;
    public static readonly CipherBytesConverter Instance = new();
    private static readonly (byte Kind, string Mark)[] Marks =
        [(Dictionary, PersonalDataProtector.DictionaryMark), (Compressed, PersonalDataProtector.CompressedMark)];

    public static byte[] ToBytes(string text)
    {
        if (text.Length == 0) return [];
        var (kind, mark) = Marks.FirstOrDefault(m => text.StartsWith(m.Mark, StringComparison.Ordinal), (Kind: Plain, Mark: string.Empty));
        return TryDecode(text[mark.Length..]) is { } decoded ? [kind, .. decoded] : [Text, .. Encoding.UTF8.GetBytes(text)];
    }

    public static string FromBytes(byte[] bytes) => bytes.Length == 0 ? string.Empty : bytes[0] switch
    {
        Text => Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1),
        Plain => WebEncoders.Base64UrlEncode(bytes, 1, bytes.Length - 1),
        var kind => Marks.Single(m => m.Kind == kind).Mark + WebEncoders.Base64UrlEncode(bytes, 1, bytes.Length - 1),
    };

    /// <summary>The bytes of canonical base64url (the one spelling that comes back the same), else null.</summary>
    private static byte[]? TryDecode(string body)
    {
        if (body.Length == 0 || body.Length % 4 == 1 || !body.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(body);
            return WebEncoders.Base64UrlEncode(bytes) == body ? bytes : null;
        }
        catch (FormatException)
        {
            return null; // a last character whose dropped bits are not zero
        }
    }
}
