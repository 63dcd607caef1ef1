using System.Buffers.Binary;
using System.Net;
using Beian.Core.Websites;

namespace Beian.Core.IpGeolocation;

/// <summary>
/// The region (6-digit code) where an IP address is located in mainland China: its city's code, or
/// its province's when the source names no city. Null for foreign, 香港, 澳门 and 台湾 addresses,
/// private and reserved ones, and those whose province is unknown. <see cref="Default"/> is the
/// embedded ip-regions.txt (npm ip2region@2.3.0), loaded once on first use; an instance is
/// immutable and safe to share between threads.
/// </summary>
public sealed class IpLocator
{
    private static readonly Lazy<IpLocator> LazyDefault = new(IpRegionFile.Load);

    private readonly AddressBlocks<uint> _ipv4;
    private readonly AddressBlocks<ulong> _ipv6;

    internal IpLocator(AddressBlocks<uint> ipv4, AddressBlocks<ulong> ipv6)
    {
        _ipv4 = ipv4;
        _ipv6 = ipv6;
    }

    public static IpLocator Default => LazyDefault.Value;

    /// <summary>Every region code the table names.</summary>
    internal IEnumerable<string> RegionCodes => _ipv4.Codes.Concat(_ipv6.Codes).OfType<string>().Distinct();

    /// <summary>IPv4-mapped IPv6 addresses (::ffff:1.2.3.4) are located as the IPv4 address.</summary>
    public string? Locate(IPAddress address) => CodeOf(BlockOf(address));

    /// <summary>
    /// The region of the range's start address, also when the range runs on into other blocks:
    /// a reported 段 goes to where it begins. <see cref="LiesInOneBlock"/> tells whether it does.
    /// </summary>
    public string? Locate(IpRange range) => Locate(range.Start);

    /// <summary>Whether every address of the range has the same location (or the same lack of one).</summary>
    public bool LiesInOneBlock(IpRange range) => BlockOf(range.Start) == BlockOf(range.End);

    private Block BlockOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        return length == 4
            ? new Block(IsIpv6: false, _ipv4.IndexOf(BinaryPrimitives.ReadUInt32BigEndian(bytes)))
            : new Block(IsIpv6: true, _ipv6.IndexOf(BinaryPrimitives.ReadUInt64BigEndian(bytes)));
    }

    private string? CodeOf(Block block) => block.IsIpv6 ? _ipv6.CodeAt(block.Index) : _ipv4.CodeAt(block.Index);

    private readonly record struct Block(bool IsIpv6, int Index);
}
