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
    public void A_county_application_counts_as_the_countys_own_and_below_its_city_province_and_the_ministry()
    {
        var keys = ReviewCountKey.Of("330106", Submitted, BusinessType.NewWebsite, ApplicationStatus.Pending, null, Catalog).ToList();

        Assert.Equal([("330106", CountScope.Own), ("330100", CountScope.Below), ("330000", CountScope.Below), (PoliceUnitCatalog.MinistryCode, CountScope.Below)],
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
        var province = ReviewCountKey.Of("330000", Submitted, BusinessType.NewWebsite, ApplicationStatus.Pending, null, Catalog);
        Assert.Equal([("330000", CountScope.Own), (PoliceUnitCatalog.MinistryCode, CountScope.Below)], province.Select(k => (k.UnitCode, k.Scope)));
    }
}

public class AverageReviewTimeTests
{
    [Fact]
    public void The_average_is_the_working_days_summed_over_the_decisions()
    {
        Assert.Equal(new AverageReviewTime(4, 2.5), AverageReviewTime.Of(4, 10));
        Assert.Equal(AverageReviewTime.None, AverageReviewTime.Of(0, 0));
    }
}
