package io.zhidu.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.organization.DepartmentKind;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.scheduling.Duties;
import io.zhidu.crm.shared.web.NavGroup;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every UI string comes from the message bundles: no literal text in templates, every key used
 * in templates and code present in both languages, and the two bundles hold the same keys.
 */
class I18nBundleTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SOURCES = Path.of("src/main/java");
    /** String literals like {@code users.xlsx} are file names, not message keys. */
    static final Pattern FILE_NAME = Pattern.compile("xlsx|pdf|csv|html|png");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "data-confirm", "value");
    /** Literal text that is a format or a symbol, not language. */
    static final Set<String> NEUTRAL = Set.of("YYYY-MM-DD", "IP", "简体中文", "English");

    static final Path BUNDLES = Path.of("src/main/resources/i18n");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The base names of the bundles: {@code messages} (shared screens) and one per module. */
    static List<String> bases() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted().toList();
        }
    }

    /** All bundles of one language merged, the way the MessageSource sees them. */
    static Properties merged(String suffix) throws IOException {
        Properties all = new Properties();
        for (String base : bases()) {
            all.putAll(bundle(base + suffix + ".properties"));
        }
        return all;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String base : bases()) {
            Set<String> zh = new TreeSet<>(bundle(base + ".properties").stringPropertyNames());
            Set<String> en = new TreeSet<>(bundle(base + "_en.properties").stringPropertyNames());
            assertThat(en).as("keys missing in English (" + base + ")").containsAll(zh);
            assertThat(zh).as("keys missing in Chinese (" + base + ")").containsAll(en);
        }
    }

    @Test
    void everyBundleIsLoadedAndNoKeyIsDefinedTwice() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        Set<String> seen = new TreeSet<>();
        for (String base : bases()) {
            assertThat(yml).as("spring.messages.basename lists i18n/" + base).contains("i18n/" + base);
            for (String key : bundle(base + ".properties").stringPropertyNames()) {
                assertThat(seen.add(key)).as("key " + key + " defined in two bundles").isTrue();
            }
        }
    }

    /** In a message with arguments a lone apostrophe starts a MessageFormat quote and swallows the rest. */
    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String suffix : List.of("", "_en")) {
            Properties all = merged(suffix);
            for (String key : all.stringPropertyNames()) {
                String text = all.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(lone.matcher(text).find()).as(key + " has a lone apostrophe: write '' in " + text).isFalse();
                }
            }
        }
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element el : doc.getAllElements()) {
                if (el.tagName().equals("script") || el.tagName().equals("style") || replaced(el)) {
                    continue;
                }
                for (TextNode text : el.textNodes()) {
                    String t = text.text().trim();
                    if (isLanguage(t)) {
                        problems.add(template.getFileName() + ": <" + el.tagName() + "> \"" + t + "\"");
                    }
                }
                for (String attr : TEXT_ATTRIBUTES) {
                    if (el.hasAttr(attr) && isLanguage(el.attr(attr)) && !(attr.equals("value") && !el.tagName().equals("button"))) {
                        problems.add(template.getFileName() + ": " + attr + "=\"" + el.attr(attr) + "\"");
                    }
                }
            }
        }
        assertThat(problems).as("hard-coded text; use th:text=\"#{key}\"").isEmpty();
    }

    @Test
    void everyKeyUsedExistsInBothBundles() throws IOException {
        Properties zh = merged("");
        Properties en = merged("_en");
        Set<String> used = new TreeSet<>();
        Pattern templateKey = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
        for (Path template : templates()) {
            Matcher m = templateKey.matcher(Files.readString(template));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Set<String> prefixes = new TreeSet<>();
        zh.stringPropertyNames().stream().filter(k -> k.contains(".")).forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        Pattern literal = Pattern.compile("\"([a-z][A-Za-z]*)\\.([A-Za-z0-9.\\-]+)\"");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(java));
                while (m.find()) {
                    if (prefixes.contains(m.group(1)) && !m.group(2).endsWith(".") && !FILE_NAME.matcher(m.group(2)).matches()) {
                        used.add(m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        for (Role r : Role.values()) {
            used.add(r.labelKey());
        }
        for (DepartmentKind k : DepartmentKind.values()) {
            used.add(k.labelKey());
        }
        for (NavGroup g : NavGroup.values()) {
            used.add(g.labelKey());
        }
        for (Duties.Outcome o : Duties.Outcome.values()) {
            used.add("jobs.outcome." + o.name());
        }
        assertThat(used).as("keys used but missing in Chinese").allMatch(zh::containsKey);
        assertThat(used).as("keys used but missing in English").allMatch(en::containsKey);
    }

    /**
     * Is the element's literal content a placeholder that Thymeleaf replaces? True when it or an
     * ancestor sets the text (th:text, th:utext), or the element itself is replaced by a fragment
     * or expression (th:replace, th:insert). An ancestor's th:replace is a layout call that passes
     * the content through, so it does not count.
     */
    private static boolean replaced(Element el) {
        if (el.hasAttr("th:replace") || el.hasAttr("th:insert")) {
            return true;
        }
        for (Element e = el; e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:errors")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLanguage(String text) {
        if (text.isBlank() || NEUTRAL.contains(text.trim())) {
            return false;
        }
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
