namespace Beian.Core.Websites;

/// <summary>互联网危险物品信息: the 管制物品 a site publishes information about (seed 003).</summary>
public enum DangerousGoods
{
    ControlledKnives,
    PoliceEquipment,
    RadioactiveMaterials,
    FirearmsAndAmmunition,
    CivilExplosives,
    HighlyToxicChemicals,
    ExplosivePrecursorChemicals,
}

public static class DangerousGoodsKinds
{
    private static readonly DisplayNames<DangerousGoods> Names = new([
        (DangerousGoods.ControlledKnives, "管制器具"),
        (DangerousGoods.PoliceEquipment, "警用装备"),
        (DangerousGoods.RadioactiveMaterials, "放射性物品"),
        (DangerousGoods.FirearmsAndAmmunition, "枪支弹药"),
        (DangerousGoods.CivilExplosives, "民爆物品"),
        (DangerousGoods.HighlyToxicChemicals, "剧毒化学物"),
        (DangerousGoods.ExplosivePrecursorChemicals, "易制爆危险化学品"),
    ]);

    public static IReadOnlyList<DangerousGoods> All => Names.All;

    public static string DisplayName(this DangerousGoods kind) => Names.Of(kind);

    public static DangerousGoods? FromDisplayName(string? displayName) => Names.Parse(displayName);
}
