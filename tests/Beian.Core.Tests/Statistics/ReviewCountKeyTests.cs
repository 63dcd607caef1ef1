using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.PoliceUnits;
using Beian.Core.Statistics;
using Beian.Core.Time;

namespace Beian.Core.Tests.Statistics;

public class ReviewCountKeyTests
{
    private static readonly PoliceUnitCatalog Catalog = PoliceUnitCatalog.Default;
    private static readonly DateTime Submitted = BeijingTime.StartOfDayUtc(new DateOnly(2026, 10, 14)).AddHours(23.5);

    [Fact]
    public void A_county_application_counts_as_the_countys_own_and_below_its_city_and_province_not_the_ministry()
    {
        var keys = ReviewCountKey.Of("330106", Submitted, BusinessType.NewWebsite, ApplicationStatus.Pending, null, Catalog).ToList();

        Assert.Equal([("330106", CountScope.Own), ("330100", CountScope.Below), ("330000", CountScope.Below)],
            keys.Select(k => (k.UnitCode, k.Scope)));
        Assert.All(keys, k => Assert.Equal(new DateOnly(2026, 10, 14), k.SubmittedOn)); // 23:30 Beijing time
        Assert.All(keys, k => Assert.Equal(ReviewCountKey.NotDecided, k.DecidedOn));
    }

    [Fact]
    public void A_decision_is_dated_by_its_Beijing_day_only_while_approved_or_returned()
    {
        var decided = BeijingTime.StartOfDayUtc(new DateOnly(2026, 10, 20)).AddHours(0.5);

        Assert.Equal(new DateOnly(2026, 10, 20),
            ReviewCountKey.Of("330106", Submitted, BusinessType.NewWebsite, ApplicationStatus.Returned, decided, Catalog).First().DecidedOn);
        Assert.Equal(ReviewCountKey.NotDecided,
            ReviewCountKey.Of("330106", Submitted, BusinessType.NewWebsite, ApplicationStatus.Revoked, decided, Catalog).First().DecidedOn);
    }

    [Fact]
    public void A_new_subject_counts_nowhere_and_an_unknown_unit_as_the_ministrys_own()
    {
        Assert.Empty(ReviewCountKey.Of("330106", Submitted, BusinessType.NewSubject, ApplicationStatus.Pending, null, Catalog));
        var unknown = Assert.Single(ReviewCountKey.Of("999999", Submitted, BusinessType.NewWebsite, ApplicationStatus.Pending, null, Catalog));
        Assert.Equal((PoliceUnitCatalog.MinistryCode, CountScope.Own), (unknown.UnitCode, unknown.Scope));
        var province = Assert.Single(ReviewCountKey.Of("330000", Submitted, BusinessType.NewWebsite, ApplicationStatus.Pending, null, Catalog));
        Assert.Equal(("330000", CountScope.Own), (province.UnitCode, province.Scope));
    }
}

public class AverageReviewTimeTests
{
    [Fact]
    public void The_average_from_decision_days_and_submission_days_is_the_average_of_the_pairs()
    {
        var calculator = WorkingDayCalculator.Default;
        var random = new Random(20261014);
        var start = new DateOnly(2026, 9, 1);
        for (var run = 0; run < 50; run++)
        {
            var pairs = Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
            {
                var submitted = start.AddDays(random.Next(120));
                return new DecidedCount(submitted, submitted.AddDays(random.Next(-1, 40)), random.Next(1, 5));
            }).ToList();
            var inOrder = pairs.Where(p => p.SubmittedOn <= p.DecidedOn).ToList();

            var average = AverageReviewTime.Of(pairs.Sum(p => p.Count), inOrder.Select(p => (p.DecidedOn, p.Count)),
                inOrder.Select(p => (p.SubmittedOn, p.Count)), calculator);

            var expected = ReviewTimes.Of(pairs, calculator);
            Assert.Equal((expected.Decided, expected.AverageWorkingDays), (average.Decided, average.AverageWorkingDays));
        }
    }

    [Fact]
    public void No_decision_has_no_average() =>
        Assert.Equal(AverageReviewTime.None, AverageReviewTime.Of(0, [], [], WorkingDayCalculator.Default));
}
