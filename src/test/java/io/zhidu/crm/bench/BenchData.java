package io.zhidu.crm.bench;

import io.zhidu.crm.customer.CustomerNames;
import io.zhidu.crm.customer.Uscc;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark company (issue #8): a seeded, reproducible company at scale written into
 * PostgreSQL by COPY into the real schema, which Flyway owns (migrated here first).
 *
 * <p>2,000 staff in 200 offices on a five-level reporting line (GM → VP → 10 business managers →
 * 200 office directors → salespeople); per 1,000,000 customers: 3,000,000 contacts, 1,000,000
 * contracts with their lines and five installment terms each, 5,000,000 receivables, payments and
 * allocations. Receivables are consistent with what the receivable module maintains: open_amount
 * = amount − allocations, status PAID at zero, every payment fully allocated, every date on or
 * before {@link #AS_OF}. Customer ids, names, credit codes and amounts depend on the seed and size
 * only, never on the day it runs.
 *
 * <p>It lives on the test class path (not in the application's jar, not a bean): the smoke test
 * {@code BenchSmokeIT} calls {@link #load} and {@code bench/run} calls {@link #main} with the
 * compiled test classes. Loading: one transaction truncates the tables, drops their secondary
 * indexes (and the primary keys nothing refers to), COPYs with FREEZE (no vacuum needed after)
 * with foreign-key triggers off ({@code session_replication_role = replica}: the rows are
 * consistent by construction), then the indexes are rebuilt, two at a time, and the tables
 * analysed. A marker in {@code app_setting} ({@value #MARKER}) tells a complete load from a broken one.
 */
public final class BenchData {

    /** The date the data was "taken": nothing is dated after it. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    public static final String MARKER = "bench.data";
    /** Every bench login's password. */
    public static final String PASSWORD = "zhidu123";
    public static final int OFFICES = 200;
    public static final int STAFF = 2000;
    public static final int MANAGERS = 10;
    public static final int CONTACTS_PER_CUSTOMER = 3;
    public static final int INSTALLMENTS = 5;
    /** Logins with a fixed API token ({@link #token}): admin, finance, a business manager (grading runs), the first director and salesperson. */
    public static final List<String> TOKEN_USERS = List.of("admin", "finance", "mgr01", "dir001", "s0001");

    /** The tables written, parents first. */
    static final List<String> TABLES = List.of("company", "department", "office", "employee", "employee_role", "api_token",
            "customer", "customer_name_gram", "contact", "contract", "contract_line", "contract_term", "receivable", "payment",
            "payment_allocation");
    /**
     * Tables the application's writes fill and no loaded table refers to: what an earlier run left
     * queued (staged audit entries, event publications) is about rows that are gone, so a fresh load
     * empties them too and starts without a backlog to work off.
     */
    static final List<String> QUEUES = List.of("audit_pending", "event_publication");

    private static final String[] CITIES = {"北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "无锡", "宁波", "温州",
            "合肥", "福州", "厦门", "济南", "青岛", "烟台", "郑州", "洛阳", "武汉", "长沙", "南昌", "成都", "绵阳", "贵阳", "昆明", "西安",
            "兰州", "西宁", "银川", "太原", "大同", "石家庄", "唐山", "保定", "沈阳", "大连", "长春", "吉林", "哈尔滨", "大庆", "呼和浩特",
            "包头", "南宁", "柳州", "海口", "三亚", "拉萨", "乌鲁木齐", "东莞", "佛山", "中山", "珠海", "汕头", "常州", "徐州", "扬州",
            "绍兴", "台州"};
    private static final String[] BRANDS = {"华信", "鑫源", "宏达", "振华", "恒通", "金桥", "瑞丰", "博远", "新天", "中联", "东方", "海川",
            "安泰", "永盛", "天润", "正阳", "长城", "华夏", "联创", "汇通", "嘉禾", "银河", "通达", "兴业", "盛世", "德润", "启明", "远航",
            "腾飞", "锦程", "红星", "明珠", "泰和", "万通", "福瑞", "星辰", "和信", "立达", "卓越", "凯旋", "国泰", "新华", "光明", "宏图",
            "丰源", "聚力", "弘业", "众诚", "天宇", "北辰", "南方", "西部", "东升", "君安", "华泰", "同创", "力拓", "鼎盛", "富强", "利民",
            "昌隆", "诚信", "德邦", "奥林", "达成", "飞鸿", "广源", "海纳", "佳禾", "金鼎", "康达", "蓝天", "绿源", "美嘉", "南海", "普惠",
            "齐鲁", "荣昌", "顺达", "天成", "万达", "祥和", "雅居", "亿丰", "正泰", "中天", "宝丰", "昌盛", "大正", "恩泽", "富源", "冠华",
            "恒瑞", "华美", "建业", "九州", "凯达", "隆盛"};
    private static final String[] MARKS = {"", "兴", "达", "盛", "昌", "晋", "宏", "信", "源", "泰", "丰", "通", "和", "安", "隆", "晟",
            "嘉", "瑞", "祥", "裕", "旺", "锦", "佳", "鸿", "德", "福", "康", "润", "益", "众"};
    private static final String[] INDUSTRIES = {"机电", "电气", "科技", "贸易", "工程", "设备", "自动化", "电子", "实业", "能源", "建材",
            "化工", "物流", "机械", "五金", "电力", "环保", "仪表", "智能", "制造", "供应链", "材料", "电器", "动力", "控制", "液压", "精密",
            "重工", "新能源", "信息"};
    private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司", "集团有限公司"};
    private static final long NAME_SPACE = (long) CITIES.length * BRANDS.length * MARKS.length * INDUSTRIES.length * FORMS.length;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
            "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
            "超", "秀英", "霞", "平", "刚", "桂英", "建国", "志强", "振华", "晓东", "海燕", "玉兰", "国庆", "文博"};
    private static final String[] STREETS = {"人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "长江路", "黄河路", "科技路",
            "工业大道", "开发区大道", "滨江路"};
    private static final String[] TITLES = {"总经理", "采购经理", "技术总监", "财务经理", "设备主管", "项目经理"};
    private static final String[] DECISION = {"DECISION_MAKER", "INFLUENCER", "USER", "PURCHASER", "FINANCE", "OTHER"};
    private static final String[] PRODUCTS = {"变频器", "伺服电机", "PLC控制器", "低压开关柜", "减速机", "传感器", "触摸屏", "电缆",
            "断路器", "软启动器"};
    private static final String[] TYPES = {"END_USER", "END_USER", "END_USER", "AGENT", "PARTNER", "SUPPLIER"};
    private static final String[] STAGES = {"ACTIVE", "ACTIVE", "ACTIVE", "DEVELOPING", "PROSPECT", "DORMANT", "LOST"};
    private static final String[] GRADES = {null, "A", "B", "B", "C", "C", "D"};

    /** How big: customers; contacts, contracts and receivables follow (3, 1 and 5 per customer). */
    public record Size(String label, int customers) {
        public static Size of(String label) {
            String s = label.toLowerCase(Locale.ROOT).trim();
            int n = s.endsWith("m") ? Integer.parseInt(s.substring(0, s.length() - 1)) * 1_000_000
                    : s.endsWith("k") ? Integer.parseInt(s.substring(0, s.length() - 1)) * 1_000 : Integer.parseInt(s);
            return new Size(s, n);
        }
    }

    /** Row counts of a load, for the caller's report and the smoke test. */
    public record Counts(long customers, long grams, long contacts, long contracts, long lines, long receivables, long payments,
                         long allocations, long millis) {
    }

    private final Connection c;
    private final Size size;
    private final long seed;
    private long nameMultiplier;
    // per office: its director's id; per salesperson index: employee id and office
    private long[] salesIds;
    private int[] salesOffice;
    private long[] officeIds;
    private long companyId = 1;
    private long bizDept;
    private long adminId;
    private final java.util.Map<String, Long> logins = new java.util.HashMap<>();
    // per customer (index id-1): owner employee id (0 = pool) and office (0 = none)
    private long[] owner;
    private long[] office;
    private long grams;
    private long contacts;
    private long lines;
    private long payments;
    private long allocations;

    private BenchData(Connection c, Size size, long seed) {
        this.c = c;
        this.size = size;
        this.seed = seed;
    }

    /** The API token of a bench login (its SHA-256 is stored; API tokens start with zd_). */
    public static String token(String username) {
        return "zd_bench-" + username;
    }

    /**
     * {@code BenchData --url jdbc:postgresql://127.0.0.1:5432/zhidu_bench_10k [--user postgres] [--size 10k] [--seed 8]
     * [--schema public] [--force]}: migrates and loads unless the database already holds this size and seed.
     */
    public static void main(String[] args) throws Exception {
        String url = null;
        String user = "postgres";
        String password = "";
        String schema = "public";
        Size size = Size.of("10k");
        long seed = 8;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--schema" -> schema = args[++i];
                case "--size" -> size = Size.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--force" -> force = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        String marker = marker(size, seed);
        if (!force && marker.equals(loadedMarker(url, user, password, schema))) {
            System.out.println("bench data " + marker + " already loaded at " + url);
            return;
        }
        Counts n = load(url, user, password, schema, size, seed);
        System.out.printf("bench data %s loaded in %.1f s: %,d customers, %,d grams, %,d contacts, %,d contracts, %,d lines, "
                        + "%,d receivables, %,d payments, %,d allocations%n", marker, n.millis() / 1000.0, n.customers(), n.grams(),
                n.contacts(), n.contracts(), n.lines(), n.receivables(), n.payments(), n.allocations());
    }

    static String marker(Size size, long seed) {
        return size.customers() + "/" + seed;
    }

    /** The marker of the data in the schema, null when none was loaded completely. */
    public static String loadedMarker(String url, String user, String password, String schema) {
        try (Connection c = connect(url, user, password, schema)) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT setting_value FROM app_setting WHERE name = '" + MARKER + "'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** Migrates the schema with the application's Flyway migrations, then loads (replacing what the tables held). */
    public static Counts load(String url, String user, String password, String schema, Size size, long seed) throws SQLException, IOException {
        long started = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        List<String> rebuild;
        BenchData g;
        try (Connection c = connect(url, user, password, schema)) {
            c.setAutoCommit(false);
            g = new BenchData(c, size, seed);
            rebuild = g.prepare();
            g.organisation();
            g.customers();
            g.contracts();
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM app_setting WHERE name = '" + MARKER + "'");
            }
            c.commit();
        }
        rebuildIndexes(url, user, password, schema, rebuild);
        try (Connection c = connect(url, user, password, schema); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                if (hasId(c, t)) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM " + t + ")))");
                }
            }
            // vacuumed as well as analysed: a company's tables that have been in use for years are
            // all-visible, so index-only scans do not visit the heap and no reader sets hint bits
            // (issue #8: measured on the freshly loaded data, reads did that work for minutes)
            for (String t : TABLES) {
                s.execute("VACUUM (ANALYZE) " + t);
            }
            s.execute("INSERT INTO app_setting (name, setting_value) VALUES ('" + MARKER + "', '" + marker(size, seed) + "')");
        }
        return new Counts(size.customers(), g.grams, g.contacts, size.customers(), g.lines, (long) size.customers() * INSTALLMENTS,
                g.payments, g.allocations, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean hasId(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_get_serial_sequence('" + table + "', 'id') IS NOT NULL "
                + "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '" + table + "' AND column_name = 'id'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    static Connection connect(String url, String user, String password, String schema) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    /**
     * Empties the tables (one TRUNCATE, cascading to the tables that refer to them, all empty on a
     * fresh schema) and drops their indexes but the constraints other tables refer to; returns the
     * statements that rebuild them.
     */
    private List<String> prepare() throws SQLException {
        List<String> rebuild = new ArrayList<>();
        String tables = "'" + String.join("','", TABLES) + "'";
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("TRUNCATE " + String.join(", ", TABLES) + ", " + String.join(", ", QUEUES) + " RESTART IDENTITY CASCADE");
            List<String> drops = new ArrayList<>();
            // primary keys and unique constraints no foreign key depends on
            try (ResultSet rs = s.executeQuery("""
                    SELECT k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
                    JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = current_schema() AND t.relname IN (%s) AND k.contype IN ('p', 'u')
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid)
                    """.formatted(tables))) {
                while (rs.next()) {
                    drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                    rebuild.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            // plain indexes
            try (ResultSet rs = s.executeQuery("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN (%s)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_class x ON x.oid = k.conindid
                                      WHERE x.relname = i.indexname AND k.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))
                    """.formatted(tables))) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    rebuild.add(rs.getString(2));
                }
            }
            for (String d : drops) {
                s.execute(d);
            }
        }
        return rebuild;
    }

    private static void rebuildIndexes(String url, String user, String password, String schema, List<String> rebuild) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String ddl : rebuild) {
                done.add(pool.submit(() -> {
                    try (Connection c = connect(url, user, password, schema); Statement s = c.createStatement()) {
                        s.execute("SET maintenance_work_mem = '256MB'");
                        s.execute(ddl);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("rebuilding the indexes failed", e);
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------------------------------------- organisation

    private void organisation() throws SQLException, IOException {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        String ts = "2024-01-01 08:00:00+08";
        try (Copy t = copy("company (id, name, group_head, parent_id, version)")) {
            t.add(companyId).add("华信机电集团有限公司").add("t").nul().add(0).end();
        }
        String[][] depts = {{"EXEC", "总经理办公室", "EXECUTIVE"}, {"BIZ", "业务部", "BUSINESS"}, {"FIN", "财务部", "FINANCE"},
                {"PLAN", "企划部", "PLANNING"}, {"CS", "客户服务部", "CUSTOMER_SERVICE"}, {"IT", "信息技术部", "IT"}};
        try (Copy t = copy("department (id, company_id, code, name, kind, version)")) {
            for (int i = 0; i < depts.length; i++) {
                t.add(i + 1).add(companyId).add(depts[i][0]).add(depts[i][1]).add(depts[i][2]).add(0).end();
            }
        }
        long exec = 1;
        bizDept = 2;
        long fin = 3;
        long it = 6;
        officeIds = new long[OFFICES];
        try (Copy t = copy("office (id, department_id, code, name, region, active, version)")) {
            for (int i = 0; i < OFFICES; i++) {
                officeIds[i] = i + 1;
                String city = CITIES[i % CITIES.length];
                t.add(i + 1).add(bizDept).add(String.format("O%03d", i + 1)).add(city + "第" + (i / CITIES.length + 1) + "办事处")
                        .add(city).add("t").add(0).end();
            }
        }
        int sales = STAFF - 1 - 1 - MANAGERS - 3 - OFFICES; // gm, vp, managers, admin/finance/stat, directors
        salesIds = new long[sales];
        salesOffice = new int[sales];
        List<String[]> roles = new ArrayList<>();
        try (Copy e = copy("employee (id, username, full_name, company_id, department_id, office_id, supervisor_id, password_hash, "
                + "must_change_password, active, created_at, version)")) {
            long id = 0;
            long gm = ++id;
            staff(e, roles, gm, "gm", exec, 0, 0, hash, ts, "GM");
            long vp = ++id;
            staff(e, roles, vp, "vp", exec, 0, gm, hash, ts, "VP");
            adminId = ++id;
            staff(e, roles, adminId, "admin", it, 0, gm, hash, ts, "ADMIN");
            staff(e, roles, ++id, "finance", fin, 0, vp, hash, ts, "FINANCE");
            long[] managers = new long[MANAGERS];
            for (int m = 0; m < MANAGERS; m++) {
                managers[m] = ++id;
                staff(e, roles, managers[m], String.format("mgr%02d", m + 1), bizDept, 0, vp, hash, ts, "BUSINESS_MANAGER");
            }
            staff(e, roles, ++id, "stat", bizDept, 0, managers[0], hash, ts, "STATISTICIAN");
            long[] directors = new long[OFFICES];
            for (int o = 0; o < OFFICES; o++) {
                directors[o] = ++id;
                staff(e, roles, directors[o], String.format("dir%03d", o + 1), bizDept, officeIds[o], managers[o * MANAGERS / OFFICES], hash,
                        ts, "OFFICE_DIRECTOR");
            }
            for (int s = 0; s < sales; s++) {
                salesIds[s] = ++id;
                salesOffice[s] = s % OFFICES;
                staff(e, roles, salesIds[s], String.format("s%04d", s + 1), bizDept, officeIds[salesOffice[s]], directors[salesOffice[s]],
                        hash, ts, "SALES");
            }
        }
        try (Copy r = copy("employee_role (employee_id, role)")) {
            for (String[] role : roles) {
                r.add(role[0]).add(role[1]).end();
            }
        }
        try (Copy t = copy("api_token (employee_id, name, token_hash, created_at, expires_at)")) {
            for (String u : TOKEN_USERS) {
                t.add(logins.get(u)).add("bench").add(sha256(token(u))).add(ts).add("2099-12-31 00:00:00+08").end();
            }
        }
    }

    private void staff(Copy e, List<String[]> roles, long id, String username, long dept, long office, long supervisor, String hash,
                       String ts, String role) throws IOException {
        logins.put(username, id);
        String name = SURNAMES[(int) (id % SURNAMES.length)] + GIVEN[(int) ((id / SURNAMES.length) % GIVEN.length)];
        e.add(id).add(username).add(name).add(1).add(dept);
        if (office == 0) {
            e.nul();
        } else {
            e.add(office);
        }
        if (supervisor == 0) {
            e.nul();
        } else {
            e.add(supervisor);
        }
        e.add(hash).add("f").add("t").add(ts).add(0).end();
        roles.add(new String[] {Long.toString(id), role});
    }

    // ---------------------------------------------------------------------------------------------- customers

    /**
     * The random numbers of one entity (kind: 1 customer, 2 contact, 3 contract): every pass over a
     * table draws the same values for the same entity, whatever else it writes.
     */
    private SplittableRandom random(int kind, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0x632BE59BD9B4E019L + index);
    }

    /** The name of customer index i: a bijection of the indexes onto the name space, so names (and keys) never repeat. */
    private String name(int i) {
        long p = Math.floorMod((long) i * nameMultiplier + seed * 1_000_003L, NAME_SPACE);
        int form = (int) (p % FORMS.length);
        p /= FORMS.length;
        int ind = (int) (p % INDUSTRIES.length);
        p /= INDUSTRIES.length;
        int mark = (int) (p % MARKS.length);
        p /= MARKS.length;
        int brand = (int) (p % BRANDS.length);
        int city = (int) (p / BRANDS.length);
        return CITIES[city] + BRANDS[brand] + MARKS[mark] + INDUSTRIES[ind] + FORMS[form];
    }

    private void customers() throws SQLException, IOException {
        int n = size.customers();
        owner = new long[n];
        office = new long[n];
        nameMultiplier = 7_919_007L;
        while (gcd(nameMultiplier, NAME_SPACE) != 1) {
            nameMultiplier += 2;
        }
        try (Copy cu = copy("customer (id, name, name_key, uscc, customer_type, category, stage, grade, industry, region, address, phone, "
                + "legal_representative, founded_on, registered_capital, scale, owner_id, office_id, department_id, company_id, created_at, "
                + "updated_at, deleted_at, version)")) {
            for (int i = 0; i < n; i++) {
                SplittableRandom r = random(1, i);
                long id = i + 1;
                String name = name(i);
                int city = cityOf(name);
                boolean pool = r.nextInt(10) == 0;
                int s = r.nextInt(salesIds.length);
                owner[i] = pool ? 0 : salesIds[s];
                office[i] = pool ? 0 : officeIds[salesOffice[s]];
                LocalDate created = AS_OF.minusDays(r.nextInt(1500) + 30);
                String createdTs = created + " 09:00:00+08";
                cu.add(id).add(name).add(CustomerNames.key(name)).add(uscc(i, city)).add(TYPES[r.nextInt(TYPES.length)])
                        .add(r.nextInt(8) == 0 ? "KEY_ACCOUNT" : "REGULAR").add(STAGES[r.nextInt(STAGES.length)]);
                String grade = GRADES[r.nextInt(GRADES.length)];
                if (grade == null) {
                    cu.nul();
                } else {
                    cu.add(grade);
                }
                cu.add(INDUSTRIES[r.nextInt(INDUSTRIES.length)]).add(CITIES[city])
                        .add(CITIES[city] + "市" + STREETS[r.nextInt(STREETS.length)] + (r.nextInt(999) + 1) + "号")
                        .add("0" + (10 + city) + "-" + (60000000 + r.nextInt(39999999)))
                        .add(person(r)).add(created.minusYears(r.nextInt(30) + 1).toString())
                        .add((r.nextInt(10000) + 50) * 10000L + ".00").add(SCALES[r.nextInt(SCALES.length)]);
                if (pool) {
                    cu.nul().nul();
                } else {
                    cu.add(owner[i]).add(office[i]);
                }
                cu.add(bizDept).add(companyId).add(createdTs).add(createdTs);
                if (r.nextInt(200) == 0) {
                    cu.add(AS_OF.minusDays(r.nextInt(30)) + " 10:00:00+08");
                } else {
                    cu.nul();
                }
                cu.add(0).end();
            }
        }
        try (Copy gr = copy("customer_name_gram (gram, customer_id)")) {
            for (int i = 0; i < n; i++) {
                for (String g : CustomerNames.grams(name(i))) {
                    gr.add(g).add(i + 1).end();
                    grams++;
                }
            }
        }
        try (Copy co = copy("contact (id, customer_id, name, title, mobile, email, decision_role, created_at, version)")) {
            for (int i = 0; i < n; i++) {
                SplittableRandom r = random(2, i);
                for (int k = 0; k < CONTACTS_PER_CUSTOMER; k++) {
                    long id = (long) i * CONTACTS_PER_CUSTOMER + k + 1;
                    co.add(id).add(i + 1).add(person(r)).add(TITLES[r.nextInt(TITLES.length)])
                            .add("1" + (30 + r.nextInt(60)) + (10000000 + r.nextInt(89999999)))
                            .add("c" + id + "@example.cn").add(DECISION[r.nextInt(DECISION.length)]).add("2024-01-01 09:00:00+08").add(0).end();
                    contacts++;
                }
            }
        }
    }

    private static int cityOf(String name) {
        for (int c = 0; c < CITIES.length; c++) {
            if (name.startsWith(CITIES[c])) {
                return c;
            }
        }
        throw new IllegalStateException(name);
    }

    private static final String[] SCALES = {"MICRO", "SMALL", "MEDIUM", "LARGE"};

    private static String person(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    /** A valid, unique credit code for customer index i: the organisation code body is i in the code's alphabet. */
    static String uscc(long i, int city) {
        StringBuilder body = new StringBuilder(8);
        long v = i * 7 + 13; // spread, still injective
        for (int k = 0; k < 8; k++) {
            body.append(USCC_ALPHABET.charAt((int) (v % USCC_ALPHABET.length())));
            v /= USCC_ALPHABET.length();
        }
        String first17 = "91" + (11 + city % 60) + "0000" + body + Uscc.organisationCheckCharacter(body.toString());
        return first17 + Uscc.checkCharacter(first17);
    }

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // ---------------------------------------------------------------------------------------------- contracts, receivables

    /** One line of a contract, amounts in cents. */
    record Line(String product, int quantity, long unit, long list) {
    }

    /**
     * One contract as every pass sees it: lines, five installments due 0–120 days after signing,
     * and what was paid of each by {@link #AS_OF} (oldest first: once one is not fully paid, the
     * later ones are not paid at all). Receivable ids are contract index × 5 + installment; a
     * payment (one per paid installment) has its receivable's id.
     */
    record Deal(long id, int customer, LocalDate contractDate, LocalDate signed, boolean completed, String number, List<Line> lines,
                long amount, long listAmount, long[] installments, long[] paid, LocalDate[] paidOn) {
        long receivableId(int t) {
            return (id - 1) * INSTALLMENTS + t + 1;
        }

        LocalDate due(int t) {
            return signed.plusDays(t * 30L);
        }
    }

    private Deal deal(int k) {
        SplittableRandom r = random(3, k);
        long id = k + 1;
        int customer = r.nextInt(size.customers());
        LocalDate signed = AS_OF.minusDays(r.nextInt(1095));
        LocalDate contractDate = signed.minusDays(r.nextInt(10));
        List<Line> lines = new ArrayList<>(3);
        long amount = 0;
        long listAmount = 0;
        for (int l = 0, n = 1 + r.nextInt(3); l < n; l++) {
            int qty = 1 + r.nextInt(50);
            long unit = (100 + r.nextInt(4900)) * 100L;
            long list = unit + unit * r.nextInt(20) / 100;
            lines.add(new Line(PRODUCTS[r.nextInt(PRODUCTS.length)], qty, unit, list));
            amount += unit * qty;
            listAmount += list * qty;
        }
        long part = amount / INSTALLMENTS;
        long[] installments = new long[INSTALLMENTS];
        long[] paid = new long[INSTALLMENTS];
        LocalDate[] paidOn = new LocalDate[INSTALLMENTS];
        int habit = r.nextInt(10); // most pay on time, some late, a few hardly at all
        boolean stopped = false;
        for (int t = 0; t < INSTALLMENTS; t++) {
            installments[t] = t < INSTALLMENTS - 1 ? part : amount - part * (INSTALLMENTS - 1);
            if (stopped) {
                continue;
            }
            int lag = habit < 6 ? r.nextInt(20) - 10 : habit < 9 ? 20 + r.nextInt(120) : 400;
            LocalDate on = signed.plusDays(t * 30L + lag);
            if (on.isBefore(signed)) {
                on = signed;
            }
            if (!on.isAfter(AS_OF)) {
                paid[t] = installments[t];
                paidOn[t] = on;
            } else {
                stopped = true;
                if (r.nextInt(4) == 0) { // part paid before the as-of date
                    paid[t] = installments[t] * (30 + r.nextInt(40)) / 100;
                    paidOn[t] = signed.plusDays(r.nextLong(AS_OF.toEpochDay() - signed.toEpochDay() + 1));
                }
            }
        }
        return new Deal(id, customer, contractDate, signed, signed.isBefore(AS_OF.minusDays(365)),
                String.format("BH%d-%07d", contractDate.getYear(), id), lines, amount, listAmount, installments, paid, paidOn);
    }

    private void contracts() throws SQLException, IOException {
        int n = size.customers();
        try (Copy ct = copy("contract (id, number, customer_id, owner_id, office_id, department_id, company_id, status, contract_date, amount, "
                + "list_amount, approved_on, signed_on, shipped_on, closed_on, created_by, created_at, imported, version, price_date)")) {
            for (int k = 0; k < n; k++) {
                Deal d = deal(k);
                ct.add(d.id()).add(d.number()).add(d.customer() + 1);
                placement(ct, d.customer());
                ct.add(d.completed() ? "COMPLETED" : "SIGNED").add(d.contractDate()).add(money(d.amount())).add(money(d.listAmount()))
                        .add(d.contractDate()).add(d.signed()).add(min(d.signed().plusDays(7), AS_OF));
                if (d.completed()) {
                    ct.add(d.signed().plusDays(200));
                } else {
                    ct.nul();
                }
                ct.add(owner[d.customer()] == 0 ? adminId : owner[d.customer()]).add(d.contractDate() + " 10:00:00+08").add("f").add(0)
                        .add(d.contractDate()).end();
            }
        }
        try (Copy li = copy("contract_line (contract_id, line_no, product_name, quantity, unit, list_price, unit_price, amount, list_amount, catalogue)")) {
            for (int k = 0; k < n; k++) {
                Deal d = deal(k);
                int no = 0;
                for (Line l : d.lines()) {
                    li.add(d.id()).add(++no).add(l.product()).add(l.quantity() + ".000").add("台").add(money(l.list())).add(money(l.unit()))
                            .add(money(l.unit() * l.quantity())).add(money(l.list() * l.quantity())).add("f").end();
                    lines++;
                }
            }
        }
        try (Copy te = copy("contract_term (contract_id, term_no, percent, anchor, days, amount)")) {
            for (int k = 0; k < n; k++) {
                Deal d = deal(k);
                for (int t = 0; t < INSTALLMENTS; t++) {
                    te.add(d.id()).add(t + 1).add("20.00").add("SIGNING").add(t * 30).add(money(d.installments()[t])).end();
                }
            }
        }
        try (Copy re = copy("receivable (id, customer_id, contract_id, contract_number, installment_number, amount, open_amount, due_on, created_on, "
                + "status, owner_id, office_id, department_id, company_id, version)")) {
            for (int k = 0; k < n; k++) {
                Deal d = deal(k);
                for (int t = 0; t < INSTALLMENTS; t++) {
                    long amt = d.installments()[t];
                    re.add(d.receivableId(t)).add(d.customer() + 1).add(d.id()).add(d.number()).add(t + 1).add(money(amt))
                            .add(money(amt - d.paid()[t])).add(d.due(t)).add(d.signed()).add(d.paid()[t] == amt ? "PAID" : "OPEN");
                    placement(re, d.customer());
                    re.add(0).end();
                }
            }
        }
        try (Copy pa = copy("payment (id, customer_id, amount, unallocated, received_on, method, status, entered_by, entered_at, version, allocation)")) {
            for (int k = 0; k < n; k++) {
                Deal d = deal(k);
                for (int t = 0; t < INSTALLMENTS; t++) {
                    if (d.paid()[t] > 0) {
                        pa.add(d.receivableId(t)).add(d.customer() + 1).add(money(d.paid()[t])).add("0.00").add(d.paidOn()[t])
                                .add("BANK_TRANSFER").add("RECORDED").add("bench").add(d.paidOn()[t] + " 15:00:00+08").add(0).add("AUTO").end();
                        payments++;
                    }
                }
            }
        }
        // with the receivable's copies (V30), in the receivable's column order
        try (Copy al = copy("payment_allocation (id, payment_id, receivable_id, amount, allocated_on, due_on, created_on, customer_id, "
                + "owner_id, office_id, department_id, company_id)")) {
            for (int k = 0; k < n; k++) {
                Deal d = deal(k);
                for (int t = 0; t < INSTALLMENTS; t++) {
                    if (d.paid()[t] > 0) {
                        al.add(d.receivableId(t)).add(d.receivableId(t)).add(d.receivableId(t)).add(money(d.paid()[t])).add(d.paidOn()[t])
                                .add(d.due(t)).add(d.signed()).add(d.customer() + 1);
                        placement(al, d.customer());
                        al.end();
                        allocations++;
                    }
                }
            }
        }
    }

    private void placement(Copy t, int ci) throws IOException {
        if (owner[ci] == 0) {
            t.nul().nul();
        } else {
            t.add(owner[ci]).add(office[ci]);
        }
        t.add(bizDept).add(companyId);
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Copy copy(String tableAndColumns) throws SQLException {
        return new Copy(c.unwrap(PGConnection.class), "COPY " + tableAndColumns + " FROM STDIN (FREEZE)");
    }

    /** One COPY in text format: values are appended tab-separated (none of the generated values holds a tab, newline or backslash). */
    static final class Copy implements AutoCloseable {
        private final OutputStream out;
        private final StringBuilder row = new StringBuilder(512);

        Copy(PGConnection c, String sql) throws SQLException {
            this.out = new BufferedOutputStream(new PGCopyOutputStream(c, sql, 1 << 16), 1 << 16);
        }

        Copy add(Object v) {
            if (!row.isEmpty()) {
                row.append('\t');
            }
            row.append(v);
            return this;
        }

        Copy nul() {
            return add("\\N");
        }

        void end() throws IOException {
            row.append('\n');
            out.write(row.toString().getBytes(StandardCharsets.UTF_8));
            row.setLength(0);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
