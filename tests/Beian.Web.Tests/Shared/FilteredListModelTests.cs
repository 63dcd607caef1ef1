using Beian.Web.Infrastructure.Paging;

namespace Beian.Web.Tests.Shared;

/// <summary>A filtered list reads its rows only under a filter without errors, whether binding or the page's check found them.</summary>
public sealed class FilteredListModelTests
{
    [Fact]
    public async Task A_valid_filter_reads_the_count_and_the_page_once()
    {
        var list = new CountingList();

        await list.ShowAsync();

        Assert.Equal(1, list.Reads);
        Assert.Equal(["甲"], list.Rows);
        Assert.Equal("共 1 条", list.Total.Text);
        Assert.Equal((null, "n.next"), list.Pager);
    }

    [Fact]
    public async Task A_filter_error_of_binding_reads_nothing()
    {
        var list = new CountingList();
        list.ModelState.AddModelError("From", "“2026-02-30”不是有效的日期，请按“年-月-日”填写，如2026-03-01");

        await list.ShowAsync();

        Assert.Equal(0, list.Reads);
        Assert.Empty(list.Rows);
        Assert.Equal((null, null), list.Pager);
    }

    [Fact]
    public async Task A_filter_error_of_the_page_check_reads_nothing()
    {
        var list = new CountingList { Reversed = true };

        await list.ShowAsync();

        Assert.Equal(0, list.Reads);
        Assert.Equal("开始日期不能晚于结束日期", list.ModelState["From"]!.Errors.Single().ErrorMessage);
        Assert.Empty(list.Rows);
    }

    private sealed class CountingList : FilteredListModel<string>
    {
        public bool Reversed { get; init; }
        public int Reads { get; private set; }

        public Task ShowAsync() => ListAsync(() =>
        {
            Reads++;
            return Task.FromResult((new BoundedCount(1, 10), new KeysetPage<string>(["甲"], null, "n.next")));
        });

        protected override void CheckFilter()
        {
            if (Reversed) ModelState.AddModelError("From", "开始日期不能晚于结束日期");
        }
    }
}
