using Beian.Core.Applications;

namespace Beian.Core.Tests.Applications;

public class BusinessTypeLabelsTests
{
    [Theory]
    [InlineData(BusinessType.NewSubject, "新增主体")]
    [InlineData(BusinessType.ChangeSubject, "变更主体")]
    [InlineData(BusinessType.CancelSubject, "注销主体")]
    [InlineData(BusinessType.NewWebsite, "新办网站申请")]
    [InlineData(BusinessType.ChangeWebsite, "变更网站")]
    [InlineData(BusinessType.CancelWebsite, "注销网站")]
    [InlineData(BusinessType.NewApp, "新办APP申请")]
    [InlineData(BusinessType.ChangeApp, "变更APP")]
    [InlineData(BusinessType.CancelApp, "注销APP")]
    [InlineData(BusinessType.NewMiniProgram, "新办小程序申请")]
    [InlineData(BusinessType.ChangeMiniProgram, "变更小程序")]
    [InlineData(BusinessType.CancelMiniProgram, "注销小程序")]
    public void Each_type_is_named_as_seed_004_and_its_menu_name_it(BusinessType type, string label)
    {
        Assert.Equal(label, type.Label());
    }

    [Theory]
    [InlineData(BusinessType.NewWebsite, "新办网站申请")]
    [InlineData(BusinessType.ChangeWebsite, "变更网站申请")]
    [InlineData(BusinessType.NewSubject, "新增主体申请")]
    [InlineData(BusinessType.Assessment, "安全评估申请")]
    public void A_message_names_the_application_once(BusinessType type, string name)
    {
        Assert.Equal(name, type.ApplicationName());
    }
}
