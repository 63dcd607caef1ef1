using Beian.Core.Statistics;

namespace Beian.Core.Tests.Statistics;

public class DayBlocksTests
{
    [Fact]
    public void Any_period_of_up_to_366_days_is_tiled_by_a_few_aligned_blocks_in_order()
    {
        var random = new Random(18);
        for (var run = 0; run < 2000; run++)
        {
            var from = new DateOnly(2016, 1, 1).AddDays(random.Next(4000));
            var to = from.AddDays(random.Next(366));

            var tiling = DayBlocks.Tiling(from, to);

            Assert.Equal(from, tiling[0].FirstDay);
            Assert.Equal(to, tiling[^1].LastDay);
            Assert.All(tiling.Zip(tiling.Skip(1)), pair => Assert.Equal(pair.First.LastDay.AddDays(1), pair.Second.FirstDay));
            Assert.All(tiling, block => Assert.Equal(block, DayBlocks.Holding(block.FirstDay, block.SpanDays)));
            // Short blocks only where a longer one does not fit: at either end, fewer than make the next length.
            Assert.All(DayBlocks.Spans.Zip(DayBlocks.Spans.Skip(1)),
                pair => Assert.True(tiling.Count(b => b.SpanDays == pair.First) <= 2 * (pair.Second / pair.First - 1)));
            Assert.True(tiling.Count <= 25, $"{from}–{to}: {tiling.Count} blocks");
        }
    }

    [Fact]
    public void A_year_is_read_in_some_14_blocks_and_a_day_as_itself()
    {
        var random = new Random(366);
        var years = Enumerable.Range(0, 1000).Select(_ => new DateOnly(2016, 1, 1).AddDays(random.Next(4000)))
            .Select(from => DayBlocks.Tiling(from, from.AddDays(365)).Count).ToList();

        Assert.InRange(years.Average(), 12, 16);
        Assert.True(years.Max() <= 18);
        Assert.Equal([new DayBlock(1, new DateOnly(2026, 12, 7))], DayBlocks.Tiling(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void Each_day_lies_in_one_block_of_each_length()
    {
        var day = new DateOnly(2026, 10, 1);
        foreach (var span in DayBlocks.Spans)
        {
            var block = DayBlocks.Holding(day, span);
            Assert.Equal(0, block.FirstDay.DayNumber % span);
            Assert.InRange(day, block.FirstDay, block.LastDay);
        }
    }
}
