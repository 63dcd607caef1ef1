using Beian.Core.Applications;

namespace Beian.Core.Tests.Applications;

public class ReturnReasonTests
{
    [Fact]
    public void The_summary_joins_the_reasons_with_their_fields_and_drops_the_stops_typed_at_their_ends()
    {
        var summary = ReturnReason.Summary(
        [
            new ReturnReason("Subject.Principal.IdScan", "负责人证件扫描件", "扫描件不清晰，请重新上传。"),
            new ReturnReason(null, string.Empty, "网站内容与名称不符；"),
            new ReturnReason("BasicInfo.Name", "网站名称", "名称过长 "),
        ]);

        Assert.Equal("负责人证件扫描件：扫描件不清晰，请重新上传；网站内容与名称不符；网站名称：名称过长", summary);
    }
}
