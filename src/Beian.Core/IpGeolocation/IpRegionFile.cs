using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Beian.Core.ReferenceData;

namespace Beian.Core.IpGeolocation;

/// <summary>
/// Reads ReferenceData/ip-regions.txt, written by scripts/refdata/build-ip-regions.mjs: "#" comment
/// lines, then "&lt;first address&gt;\t&lt;6-digit code or -&gt;" per block, ascending within each
/// family; IPv6 starts have zero in their last 64 bits.
/// </summary>
internal static class IpRegionFile
{
    private const string NotLocated = "-";

    public static IpLocator Load()
    {
        using var reader = new StreamReader(EmbeddedReferenceData.Open(EmbeddedReferenceData.IpRegionsFile));
        return Parse(reader);
    }

    public static IpLocator Parse(TextReader reader)
    {
        var ipv4 = new Builder<uint>();
        var ipv6 = new Builder<ulong>();
        var codes = new Dictionary<string, string>();
        var lineNumber = 0;
        Span<byte> bytes = stackalloc byte[16];
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var (address, code) = ParseLine(line, lineNumber);
            var shared = code is null ? null : codes.TryAdd(code, code) ? code : codes[code];
            address.TryWriteBytes(bytes, out _);
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                ipv4.Add(BinaryPrimitives.ReadUInt32BigEndian(bytes), shared, lineNumber);
            }
            else if (BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) != 0)
            {
                throw Error(lineNumber, $"IPv6 block {address} does not start on a /64 boundary");
            }
            else
            {
                ipv6.Add(BinaryPrimitives.ReadUInt64BigEndian(bytes), shared, lineNumber);
            }
        }
        return new IpLocator(ipv4.Build(), ipv6.Build());
    }

    private static (IPAddress Address, string? Code) ParseLine(string line, int lineNumber)
    {
        var fields = line.Split('\t');
        if (fields.Length != 2 || fields[0].Contains('%') || !IPAddress.TryParse(fields[0], out var address))
        {
            throw Error(lineNumber, $"expected '<address>\\t<code>', found '{line}'");
        }
        var code = fields[1];
        if (code == NotLocated)
        {
            return (address, null);
        }
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw Error(lineNumber, $"'{code}' is neither a 6-digit region code nor '{NotLocated}'");
        }
        return (address, code);
    }

    private static FormatException Error(int lineNumber, string message) =>
        new($"{EmbeddedReferenceData.IpRegionsFile} line {lineNumber}: {message}.");

    private sealed class Builder<TStart>
        where TStart : struct, IComparable<TStart>
    {
        private readonly List<TStart> _starts = [];
        private readonly List<string?> _codes = [];

        public void Add(TStart start, string? code, int lineNumber)
        {
            if (_starts.Count > 0 && start.CompareTo(_starts[^1]) <= 0)
            {
                throw Error(lineNumber, "blocks are not in ascending order");
            }
            _starts.Add(start);
            _codes.Add(code);
        }

        public AddressBlocks<TStart> Build() => new([.. _starts], [.. _codes]);
    }
}
