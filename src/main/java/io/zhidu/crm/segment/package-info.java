/**
 * Segment sets (客户分群, issue #7 item 6, SPEC R3, seed O-5 and O-31): configurable tag sets besides
 * the A–D grade — 重要/核心/一般/潜在 by rules over customer facts, 核心/战略/重要/潜在大客户 by hand —
 * their memberships with history, the {@code segment-refresh} duty, the customer page's tab and the
 * customer list's segment filter (through the membership table the customer list joins).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "contract", "receivable", "organization",
        "shared"})
package io.zhidu.crm.segment;
