using System.Net;
using System.Net.Sockets;

namespace Beian.Core.Websites;

/// <summary>
/// Address blocks that are not a public website's address: unspecified, loopback, private
/// (RFC 1918, IPv6 unique-local), shared (CGNAT), link-local, multicast, reserved, broadcast.
/// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are judged by their IPv4 blocks.
/// Documentation blocks (192.0.2.0/24, 2001:db8::/32) are not listed.
/// </summary>
internal static class ReservedBlocks
{
    private sealed record Block(UInt128 First, UInt128 Last, string Reason);

    private static readonly Block[] Ipv4 =
    [
        V4("0.0.0.0", 8, "未指定地址"),
        V4("10.0.0.0", 8, "私有地址"),
        V4("100.64.0.0", 10, "运营商共享地址"),
        V4("127.0.0.0", 8, "环回地址"),
        V4("169.254.0.0", 16, "链路本地地址"),
        V4("172.16.0.0", 12, "私有地址"),
        V4("192.168.0.0", 16, "私有地址"),
        V4("224.0.0.0", 4, "组播地址"),
        V4("240.0.0.0", 4, "保留地址"),
    ];

    private static readonly Block[] Ipv6 =
    [
        V6("::", 128, "未指定地址"),
        V6("::1", 128, "环回地址"),
        V6("fc00::", 7, "私有地址"),
        V6("fe80::", 10, "链路本地地址"),
        V6("ff00::", 8, "组播地址"),
    ];

    private static readonly Block Ipv4Mapped = V6("::ffff:0.0.0.0", 96, string.Empty);

    /// <summary>The reason of the first block the range touches, or null.</summary>
    public static string? Find(IpRange range)
    {
        var first = IpRange.ToNumber(range.Start);
        var last = IpRange.ToNumber(range.End);
        if (range.IsIpv6 && first >= Ipv4Mapped.First && last <= Ipv4Mapped.Last)
        {
            return Find(Ipv4, first - Ipv4Mapped.First, last - Ipv4Mapped.First);
        }
        return Find(range.IsIpv6 ? Ipv6 : Ipv4, first, last);
    }

    private static string? Find(Block[] blocks, UInt128 first, UInt128 last) =>
        blocks.FirstOrDefault(block => first <= block.Last && block.First <= last)?.Reason;

    private static Block V4(string address, int prefix, string reason) => Make(address, prefix, 32, reason);

    private static Block V6(string address, int prefix, string reason) => Make(address, prefix, 128, reason);

    private static Block Make(string address, int prefix, int bits, string reason)
    {
        var first = IpRange.ToNumber(IPAddress.Parse(address));
        var hostBits = bits - prefix;
        var size = hostBits == 0 ? UInt128.Zero : (UInt128.One << hostBits) - 1;
        return new Block(first, first + size, reason);
    }
}
