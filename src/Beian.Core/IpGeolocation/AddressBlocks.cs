namespace Beian.Core.IpGeolocation;

/// <summary>
/// Consecutive blocks of one address family, each from its start to the next one's start, with
/// the region code of the block (null: not located). IPv4 starts are the 32-bit address, IPv6
/// starts the first 64 bits.
/// </summary>
internal sealed class AddressBlocks<TStart>(TStart[] starts, string?[] codes)
    where TStart : struct, IComparable<TStart>
{
    public IReadOnlyList<string?> Codes => codes;

    /// <summary>The block holding the address; -1 before the first block.</summary>
    public int IndexOf(TStart address)
    {
        var found = Array.BinarySearch(starts, address);
        return found >= 0 ? found : ~found - 1;
    }

    public string? CodeAt(int index) => index < 0 ? null : codes[index];
}
