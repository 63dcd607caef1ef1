using Beian.Core.Applications;

namespace Beian.Core.Statistics;

/// <summary>
/// One number kept for a block of days (<see cref="DayBlocks"/>): of one day of it (<see cref="Day"/>, its offset; 0 for
/// the block's totals), of one 业务类型 (<see cref="Type"/>, its enum value) and one measure (<see cref="ReviewMeasures"/>).
/// </summary>
public readonly record struct BlockCell(int Day, int Type, int Measure, long Value);

/// <summary>
/// What a block's cells count. Totals: the applications submitted, by status (the <see cref="ApplicationStatus"/> value),
/// then the decisions made and the working days they took summed; times: the decisions made by the working days they took
/// (the measure is the number of days).
/// </summary>
public static class ReviewMeasures
{
    public const int Decided = 100;
    public const int WorkingDays = 101;

    public static int Of(ApplicationStatus status) => (int)status;

    public static bool IsStatus(int measure) => measure < Decided;

    /// <summary>
    /// A digest of the enum values the cells use for types and statuses: counts kept under another digest are built again
    /// rather than read with the wrong names.
    /// </summary>
    public static string Signature { get; } = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.ASCII.GetBytes(string.Join(',', Enum.GetValues<BusinessType>().Select(t => $"{t}={(int)t}")
            .Concat(Enum.GetValues<ApplicationStatus>().Select(s => $"{s}={(int)s}"))
            .Append($"{nameof(Decided)}={Decided}").Append($"{nameof(WorkingDays)}={WorkingDays}")
            .Append($"{nameof(DayBlocks.Span)}={DayBlocks.Span}")))));
}

/// <summary>
/// A block's cells as bytes: sorted by day, type and measure, zeros left out; each (day, type) written once with how many
/// measures follow, each measure as its gap from the one before and its value zigzagged, all as base-128 varints. A
/// county's block of a few applications takes a few bytes where it took a row of some 140 bytes per number. Null when
/// every number is 0.
/// </summary>
public static class BlockCells
{
    /// <summary>The bytes of <paramref name="cells"/>, each (day, type, measure) at most once and none negative.</summary>
    public static byte[]? Encode(IEnumerable<BlockCell> cells)
    {
        var sorted = cells.Where(c => c.Value != 0).OrderBy(c => c.Day).ThenBy(c => c.Type).ThenBy(c => c.Measure).ToList();
        if (sorted.Count == 0) return null;
        var bytes = new List<byte>(sorted.Count * 4);
        foreach (var group in sorted.GroupBy(c => (c.Day, c.Type)))
        {
            var measures = group.ToList();
            WriteVarint(bytes, (ulong)group.Key.Day);
            WriteVarint(bytes, (ulong)group.Key.Type);
            WriteVarint(bytes, (ulong)measures.Count);
            var previous = -1;
            foreach (var cell in measures)
            {
                if (cell.Day < 0 || cell.Type < 0 || cell.Measure <= previous)
                    throw new ArgumentException($"cell {cell} repeats or is negative", nameof(cells));
                WriteVarint(bytes, (ulong)(cell.Measure - Math.Max(previous, 0)));
                WriteVarint(bytes, (ulong)((cell.Value << 1) ^ (cell.Value >> 63)));
                previous = cell.Measure;
            }
        }
        return bytes.ToArray();
    }

    public static List<BlockCell> Decode(byte[]? bytes)
    {
        var cells = new List<BlockCell>();
        foreach (var cell in Read(bytes)) cells.Add(cell);
        return cells;
    }

    /// <summary>The cells of <paramref name="bytes"/> one by one, without a list: a view reads some hundred thousand.</summary>
    public static Cells Read(byte[]? bytes) => new(bytes ?? []);

    public readonly struct Cells(byte[] bytes)
    {
        public Enumerator GetEnumerator() => new(bytes);
    }

    public struct Enumerator(byte[] bytes)
    {
        private int _at;
        private int _left;
        private BlockCell _current;

        public readonly BlockCell Current => _current;

        public bool MoveNext()
        {
            if (_left == 0)
            {
                if (_at >= bytes.Length) return false;
                var day = (int)ReadVarint(bytes, ref _at);
                var type = (int)ReadVarint(bytes, ref _at);
                _left = (int)ReadVarint(bytes, ref _at);
                _current = new BlockCell(day, type, 0, 0);
            }
            var measure = _current.Measure + (int)ReadVarint(bytes, ref _at);
            var zigzag = ReadVarint(bytes, ref _at);
            _current = _current with { Measure = measure, Value = (long)(zigzag >> 1) ^ -(long)(zigzag & 1) };
            _left--;
            return true;
        }
    }

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        for (; value >= 0x80; value >>= 7) bytes.Add((byte)(value | 0x80));
        bytes.Add((byte)value);
    }

    private static ulong ReadVarint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }
}

/// <summary>Cells being summed: what the fold adds to a block, or a block's cells with what is added to them.</summary>
public sealed class BlockCellSums
{
    private readonly Dictionary<(int Day, int Type, int Measure), long> _sums = [];

    public void Add(int day, int type, int measure, long value) =>
        _sums[(day, type, measure)] = _sums.GetValueOrDefault((day, type, measure)) + value;

    public void Add(IEnumerable<BlockCell> cells)
    {
        foreach (var cell in cells) Add(cell.Day, cell.Type, cell.Measure, cell.Value);
    }

    public byte[]? Encode() => BlockCells.Encode(_sums.Select(s => new BlockCell(s.Key.Day, s.Key.Type, s.Key.Measure, s.Value)));

    /// <summary>The sums of <paramref name="cells"/> (bytes) and these.</summary>
    public byte[]? AddedTo(byte[]? cells)
    {
        var sums = new BlockCellSums();
        sums.Add(BlockCells.Decode(cells));
        foreach (var (key, value) in _sums) sums.Add(key.Day, key.Type, key.Measure, value);
        return sums.Encode();
    }
}
