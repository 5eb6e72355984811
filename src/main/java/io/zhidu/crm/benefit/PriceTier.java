package io.zhidu.crm.benefit;

/**
 * The price treatment of a class (seed 6.1.2-2): 最优, 较优, 适当优惠, 标准. Each tier's discount
 * floor (the most a contract price may go below list price without further approval) is a setting
 * of the policy section {@code benefit}.
 */
public enum PriceTier {
    BEST("12"), BETTER("8"), SOME("4"), STANDARD("0");

    /** The shipped floor in % below list price (SPEC R4 with issue #7 item 5). */
    final String shippedFloor;

    PriceTier(String shippedFloor) {
        this.shippedFloor = shippedFloor;
    }

    public String labelKey() {
        return "benefit.tier." + name();
    }

    /** Key of the tier's floor setting, e.g. {@code floor-best}. */
    String floorSetting() {
        return "floor-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
