package io.zhidu.crm.demo;

import io.zhidu.crm.customer.ContactForm;
import io.zhidu.crm.customer.Customer;
import io.zhidu.crm.customer.CustomerContacts;
import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.DecisionRole;
import io.zhidu.crm.customer.CustomerEnums.Scale;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.customer.CustomerForm;
import io.zhidu.crm.customer.CustomerManagement;
import io.zhidu.crm.customer.Uscc;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.shared.scope.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * About 300 demo customers across the four offices (fixed seed: every demo install looks the
 * same), with valid credit codes, contacts and a little history.
 */
@Component
class DemoCustomers {

    static final int COUNT = 300;
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** An office's salespeople, its cities with their administrative division codes. */
    private record Territory(List<String> owners, List<String> cities, List<String> divisions, String region) {
    }

    private static final List<Territory> TERRITORIES = List.of(
            new Territory(List.of("sales1", "sales2"), List.of("上海", "杭州", "南京", "苏州", "宁波"),
                    List.of("310000", "330100", "320100", "320500", "330200"), "华东"),
            new Territory(List.of("sales3"), List.of("广州", "深圳", "东莞", "佛山"),
                    List.of("440100", "440300", "441900", "440600"), "华南"),
            new Territory(List.of("sales4"), List.of("北京", "天津", "石家庄"), List.of("110000", "120000", "130100"), "华北"),
            new Territory(List.of("sales5"), List.of("成都", "重庆", "昆明"), List.of("510100", "500000", "530100"), "西南"));
    private static final List<String> BRANDS = List.of("恒信", "中远", "鼎盛", "宏达", "金诚", "万通", "天宇", "瑞丰", "永泰", "新华",
            "华泰", "东方", "长城", "海纳", "国安", "盛世", "联创", "博远", "嘉禾", "汇丰", "德润", "明辉", "星河", "卓越", "兴业");
    private static final List<String> INDUSTRIES = List.of("机械", "电子", "化工", "建材", "贸易", "科技", "物流", "医药", "食品", "纺织");
    private static final List<String> SUFFIXES = List.of("有限公司", "股份有限公司", "有限责任公司");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超");
    private static final List<String> TITLES = List.of("总经理", "采购经理", "财务总监", "技术总监", "副总经理", "采购专员");

    private final CustomerManagement customers;
    private final CustomerContacts contacts;
    private final Staff staff;

    DemoCustomers(CustomerManagement customers, CustomerContacts contacts, Staff staff) {
        this.customers = customers;
        this.contacts = contacts;
        this.staff = staff;
    }

    void load() {
        Random random = new Random(20261129L);
        DataScope everything = DataScope.everything(staff.byUsername("admin").orElseThrow().id());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            Territory t = i % 5 < 2 ? TERRITORIES.get(0) : TERRITORIES.get(i % 5 - 1);
            int city = random.nextInt(t.cities().size());
            String industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
            String name;
            do {
                name = t.cities().get(city) + BRANDS.get(random.nextInt(BRANDS.size())) + industry
                        + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
            } while (!names.add(name));
            long owner = staff.byUsername(t.owners().get(random.nextInt(t.owners().size()))).orElseThrow().id();
            boolean key = random.nextInt(5) == 0;
            Stage stage = Stage.values()[random.nextInt(Stage.values().length)];
            CustomerForm form = new CustomerForm(name, uscc(random, t.divisions().get(city)), null,
                    CustomerType.values()[random.nextInt(CustomerType.values().length)],
                    key ? Category.KEY_ACCOUNT : Category.REGULAR, stage, industry, t.region(),
                    t.cities().get(city) + "市" + BRANDS.get(random.nextInt(BRANDS.size())) + "路" + (1 + random.nextInt(500)) + "号",
                    "0" + (20 + random.nextInt(80)) + "-" + (60000000 + random.nextInt(39999999)),
                    person(random), LocalDate.of(1990 + random.nextInt(33), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextBoolean() ? "有限责任公司" : "股份有限公司",
                    BigDecimal.valueOf((1 + random.nextInt(500)) * 100_000L), Scale.values()[random.nextInt(4)],
                    t.region() + "地区", null, key ? "高" : "中", null, random.nextBoolean() ? "良好" : "一般", null,
                    random.nextBoolean() ? "积极" : "观望", null, null, owner,
                    key ? List.of("重点") : List.of());
            Customer c = customers.register(everything, form);
            int people = 1 + random.nextInt(2);
            for (int p = 0; p < people; p++) {
                contacts.add(c.getId(), new ContactForm(person(random), TITLES.get(random.nextInt(TITLES.size())),
                        "13" + (100000000 + random.nextInt(899999999)), null, null,
                        LocalDate.of(1965 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        DecisionRole.values()[random.nextInt(DecisionRole.values().length)],
                        random.nextBoolean() ? "喜欢打羽毛球，孩子在读高中" : null), true);
            }
            if (i % 10 == 0) {
                customers.update(everything, c.getId(), c.getVersion(), new CustomerForm(form.name(), form.uscc(), null,
                        form.type(), form.category(), Stage.ACTIVE, form.industry(), form.region(), form.address(), form.phone(),
                        form.legalRepresentative(), form.foundedOn(), form.legalForm(), form.registeredCapital(), form.scale(),
                        form.serviceArea(), null, form.potential(), null, form.reputation(), null, form.attitude(),
                        "经营稳定，回款及时", null, owner, form.tags()));
            }
        }
    }

    private static String person(Random random) {
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()))
                + (random.nextBoolean() ? GIVEN.get(random.nextInt(GIVEN.size())) : "");
    }

    /** A valid code: registration 9 (enterprise), type 1, the division, a checked organisation code, the check character. */
    static String uscc(Random random, String division) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(ORG_ALPHABET.charAt(random.nextInt(ORG_ALPHABET.length())));
        }
        String first17 = "91" + division + body + Uscc.organisationCheckCharacter(body.toString());
        return first17 + Uscc.checkCharacter(first17);
    }
}
