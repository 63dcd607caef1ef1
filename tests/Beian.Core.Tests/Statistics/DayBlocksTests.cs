using Beian.Core.Statistics;

namespace Beian.Core.Tests.Statistics;

public class DayBlocksTests
{
    [Fact]
    public void Each_day_lies_in_one_block_that_starts_on_a_Monday()
    {
        for (var day = new DateOnly(2026, 9, 1); day < new DateOnly(2026, 12, 1); day = day.AddDays(1))
        {
            var block = DayBlocks.Holding(day);

            Assert.Equal(DayOfWeek.Monday, block.FirstDay.DayOfWeek);
            Assert.True(block.Holds(day));
            Assert.InRange(block.Offset(day), 0, DayBlocks.Span - 1);
            Assert.Equal(block, DayBlocks.Holding(block.LastDay));
        }
    }

    [Fact]
    public void A_period_is_covered_by_the_consecutive_blocks_that_hold_its_days()
    {
        var random = new Random(28);
        for (var run = 0; run < 1000; run++)
        {
            var from = new DateOnly(2016, 1, 1).AddDays(random.Next(4000));
            var to = from.AddDays(random.Next(366));

            var blocks = DayBlocks.Covering(from, to);

            Assert.True(blocks[0].Holds(from));
            Assert.True(blocks[^1].Holds(to));
            Assert.All(blocks.Zip(blocks.Skip(1)), pair => Assert.Equal(pair.First.LastDay.AddDays(1), pair.Second.FirstDay));
            Assert.All(blocks.Skip(1).SkipLast(1), block => Assert.True(block.Within(from, to)));
            Assert.InRange(blocks.Count, 1, 15);
        }
    }
}
