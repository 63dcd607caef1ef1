using Beian.Core.Applications;
using Beian.Core.Statistics;

namespace Beian.Core.Tests.Statistics;

public class BlockCellsTests
{
    [Fact]
    public void Cells_come_back_as_they_went_in_sorted_and_without_zeros()
    {
        var random = new Random(6);
        for (var run = 0; run < 200; run++)
        {
            var cells = Enumerable.Range(0, random.Next(1, 300))
                .Select(_ => (Day: random.Next(DayBlocks.Span), Type: random.Next(16), Measure: random.Next(3) == 0 ? random.Next(400) : random.Next(8)))
                .Distinct()
                .Select(k => new BlockCell(k.Day, k.Type, k.Measure, random.Next(4) switch
                {
                    0 => 0,
                    1 => -random.Next(1, 1000),
                    2 => random.NextInt64(1, long.MaxValue / 4),
                    _ => random.Next(1, 100),
                }))
                .ToList();

            var decoded = BlockCells.Decode(BlockCells.Encode(cells));

            Assert.Equal(cells.Where(c => c.Value != 0).OrderBy(c => c.Day).ThenBy(c => c.Type).ThenBy(c => c.Measure), decoded);
        }
    }

    [Fact]
    public void No_cell_or_only_zeros_is_kept_as_null_and_read_as_none()
    {
        Assert.Null(BlockCells.Encode([]));
        Assert.Null(BlockCells.Encode([new BlockCell(3, 4, 5, 0)]));
        Assert.Empty(BlockCells.Decode(null));
    }

    [Fact]
    public void An_application_of_a_county_takes_a_few_bytes()
    {
        var approved = new BlockCell(17, (int)BusinessType.NewWebsite, ReviewMeasures.Of(ApplicationStatus.Approved), 1);

        Assert.Equal(5, BlockCells.Encode([approved])!.Length);
        Assert.Equal(9, BlockCells.Encode([approved, approved with { Measure = ReviewMeasures.Decided }, approved with { Measure = ReviewMeasures.WorkingDays, Value = 4 }])!.Length);
    }

    [Fact]
    public void A_cell_given_twice_or_negative_is_refused()
    {
        var cell = new BlockCell(1, 2, 3, 4);

        Assert.Throws<ArgumentException>(() => BlockCells.Encode([cell, cell with { Value = 5 }]));
        Assert.Throws<ArgumentException>(() => BlockCells.Encode([cell with { Measure = -1 }]));
    }

    [Fact]
    public void Sums_added_to_a_blocks_cells_add_cell_by_cell_and_drop_what_falls_to_zero()
    {
        var kept = BlockCells.Encode([new BlockCell(0, 3, 3, 5), new BlockCell(0, 3, 4, 1), new BlockCell(2, 7, 0, 2)]);
        var sums = new BlockCellSums();
        sums.Add(0, 3, 4, -1);
        sums.Add(0, 3, 3, 2);
        sums.Add(5, 3, 3, 1);

        Assert.Equal([new BlockCell(0, 3, 3, 7), new BlockCell(2, 7, 0, 2), new BlockCell(5, 3, 3, 1)], BlockCells.Decode(sums.AddedTo(kept)));
        Assert.Null(new BlockCellSums().AddedTo(null));
    }

    [Fact]
    public void The_signature_names_the_values_the_cells_use()
    {
        Assert.Equal(64, ReviewMeasures.Signature.Length);
        Assert.True(ReviewMeasures.IsStatus(ReviewMeasures.Of(ApplicationStatus.Revoked)));
        Assert.False(ReviewMeasures.IsStatus(ReviewMeasures.Decided));
    }
}
