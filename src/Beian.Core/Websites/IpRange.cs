using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Beian.Core.Websites;

/// <summary>
/// One entry of the form's IP list (seed 000: 如果对应多个如实填写起止IP即可): a single IPv4 or
/// IPv6 address, or a start–end range of one family with start ≤ end ("1.2.3.4-1.2.3.20").
/// Parsing accepts private and reserved addresses; <see cref="NonPublicReason"/> says why an
/// entry is not a public address, and the rules decide what that means.
/// </summary>
public sealed partial record IpRange
{
    /// <summary>Ranges larger than this (a /16 of IPv4) are unusual for one website.</summary>
    public const int LargeRangeSize = 65536;

    private static readonly char[] Separators = ['-', '–', '—', '~', '～'];

    [GeneratedRegex(@"^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$")]
    private static partial Regex Ipv4Shape();

    private IpRange(IPAddress start, IPAddress end)
    {
        Start = start;
        End = end;
    }

    public IPAddress Start { get; }

    public IPAddress End { get; }

    public AddressFamily Family => Start.AddressFamily;

    public bool IsIpv6 => Family == AddressFamily.InterNetworkV6;

    public bool IsSingle => Start.Equals(End);

    /// <summary>How many addresses the entry covers.</summary>
    public BigInteger Count => (BigInteger)ToNumber(End) - ToNumber(Start) + 1;

    public bool IsLarge => Count > LargeRangeSize;

    /// <summary>"私有地址", "环回地址" … when any address of the entry is not public; otherwise null.</summary>
    public string? NonPublicReason => ReservedBlocks.Find(this);

    public bool IsPublic => NonPublicReason is null;

    public static bool TryParse(string? input, out IpRange range, out string error)
    {
        range = null!;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "请填写网站IP地址";
            return false;
        }
        var parts = input.Trim().Split(Separators, StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || !TryParseAddress(parts[0], out var start) || !TryParseAddress(parts[^1], out var end))
        {
            error = "IP地址格式不正确，请填写IPv4或IPv6地址（如：20.10.0.1），或起止IP（如：20.10.0.1-20.10.0.20）";
            return false;
        }
        if (start.AddressFamily != end.AddressFamily)
        {
            error = "起止IP应同为IPv4或同为IPv6地址";
            return false;
        }
        if (ToNumber(start) > ToNumber(end))
        {
            error = "起始IP不能大于结束IP";
            return false;
        }
        range = new IpRange(start, end);
        return true;
    }

    public static bool TryParse(string? input, out IpRange range) => TryParse(input, out range, out _);

    public static IpRange Parse(string input) =>
        TryParse(input, out var range, out var error) ? range : throw new FormatException(error);

    public bool Overlaps(IpRange other) =>
        Family == other.Family && ToNumber(Start) <= ToNumber(other.End) && ToNumber(other.Start) <= ToNumber(End);

    public bool Equals(IpRange? other) => other is not null && Start.Equals(other.Start) && End.Equals(other.End);

    public override int GetHashCode() => HashCode.Combine(Start, End);

    public override string ToString() => IsSingle ? Start.ToString() : $"{Start}-{End}";

    /// <summary>The address as an unsigned number (IPv4 in the low 32 bits).</summary>
    internal static UInt128 ToNumber(IPAddress address)
    {
        UInt128 number = 0;
        foreach (var b in address.GetAddressBytes()) number = (number << 8) | b;
        return number;
    }

    /// <summary>Strict dotted-quad IPv4 (no "1.2.3", no octal "010") or IPv6 without a zone.</summary>
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':'))
        {
            return !text.Contains('%') && IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }
        if (!Ipv4Shape().IsMatch(text) || text.Split('.').Any(octet => int.Parse(octet) > 255)) return false;
        return IPAddress.TryParse(text, out address!);
    }
}
