namespace Beian.Web.Features.Regions;

/// <summary>
/// What the <c>_AddressFields</c> partial needs:
/// <c>&lt;partial name="_AddressFields" model='new AddressFieldsModel("Input.OfficeAddress", Model.Input.OfficeAddress, "单位办公地址")' /&gt;</c>
/// (single quotes around the attribute, or build the model in an @{ } block first).
/// </summary>
/// <param name="Prefix">The model name of the <see cref="AddressInput"/> property, e.g. "Input.OfficeAddress";
/// fields are posted as "{Prefix}.ProvinceCode" … and errors are read from ModelState under the same names.</param>
/// <param name="Address">The current value (null for an empty address).</param>
/// <param name="Label">The address's field name from the manuals, e.g. 单位办公地址 or 常住地址.</param>
/// <param name="Required">Shows the red * on each part; validation itself is the page's call to AddressInput.Validate.</param>
/// <param name="Help">填写注意事项 shown under the 详细地址 input; a default asks for the house number.</param>
public sealed record AddressFieldsModel(
    string Prefix,
    AddressInput? Address,
    string Label,
    bool Required = true,
    string? Help = null)
{
    /// <summary>The 详细地址 input's label as seed 004 prints it: 单位办公地址 → 单位办公详细地址, 负责人常住地址 → 负责人常住详细地址.</summary>
    public string DetailLabel => Label.EndsWith("地址", StringComparison.Ordinal) ? $"{Label[..^2]}详细地址" : $"{Label}详细地址";
}
