package io.zhidu.crm.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver (no downloads: Selenium Manager is not
 * used). Screenshots go to {@code target/screenshots} for people to look at.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where downloads (exports, PDFs) land, without asking. */
    public static final Path DOWNLOADS = Path.of("target/downloads").toAbsolutePath();

    private Browser() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Waits until a download of the given file name has finished and returns its path. */
    public static Path downloaded(String fileName, Duration timeout) throws InterruptedException {
        Path file = DOWNLOADS.resolve(fileName);
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (Files.isRegularFile(file) && !Files.exists(DOWNLOADS.resolve(fileName + ".crdownload"))) {
                return file;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download " + fileName + " in " + DOWNLOADS);
    }

    /** Empties the download folder, so the next download of a name is a new one. */
    public static void clearDownloads() throws java.io.IOException {
        Files.createDirectories(DOWNLOADS);
        try (var files = Files.list(DOWNLOADS)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }
}
