using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Beian.Web.Features.Audit;

/// <summary>
/// The content hash of a record and the chain hash that links it to the one before.
/// The canonical form is every content field in a fixed order, each written as its length, ':',
/// the value and ';' (a missing value as '-;'), so no two different records share one form.
/// Changing this format invalidates every stored hash: don't.
/// </summary>
public static class AuditHashes
{
    /// <summary>The "previous hash" of the first record in the chain.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(AuditRecord record)
    {
        var text = new StringBuilder(256).Append("v1;");
        Field(text, record.Id.ToString("D"));
        Field(text, record.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(text, record.UserId);
        Field(text, record.UserName);
        Field(text, record.UnitCode);
        Field(text, record.Action);
        Field(text, record.ObjectType);
        Field(text, record.ObjectId);
        Field(text, record.Outcome);
        Field(text, record.SourceIp);
        Field(text, record.Detail);
        return text.ToString();
    }

    public static string Content(AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(record))));

    /// <summary>SHA-256 over the previous chain hash's bytes followed by the content hash's bytes.</summary>
    public static string Chain(string previousChainHash, string contentHash)
    {
        Span<byte> input = stackalloc byte[64];
        if (!TryFromHex(previousChainHash, input[..32]) || !TryFromHex(contentHash, input[32..]))
            return string.Empty; // a malformed stored hash never matches
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>
    /// What is wrong with a sealed record on its own, or null: its content changed since it was hashed, or its chain
    /// hash is not that of its previous hash and content hash.
    /// </summary>
    public static AuditProblemKind? FaultOf(AuditRecord record) =>
        Content(record) != record.ContentHash ? AuditProblemKind.ContentAltered
        : Chain(record.PreviousHash ?? string.Empty, record.ContentHash) != record.ChainHash ? AuditProblemKind.ChainHashMismatch
        : null;

    private static bool TryFromHex(string? hex, Span<byte> into) =>
        hex is { Length: 64 } && Convert.FromHexString(hex, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null) text.Append("-;");
        else text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
