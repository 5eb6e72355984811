package io.zhidu.crm.benefit;

/**
 * The price treatment of a class (seed 6.1.2-2): 最优, 较优, 适当优惠, 标准. Each tier's discount
 * floor (the most a contract price may go below list price without further approval) is a setting
 * of the policy section {@code benefit}.
 */
public enum PriceTier {
    BEST, BETTER, SOME, STANDARD;

    public String labelKey() {
        return "benefit.tier." + name();
    }

    /** Key of the tier's floor setting, e.g. {@code floor-best}. */
    String floorSetting() {
        return "floor-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
