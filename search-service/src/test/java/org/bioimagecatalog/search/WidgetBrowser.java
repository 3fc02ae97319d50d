package org.bioimagecatalog.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver (no Selenium Manager download), with a fresh
 * profile per run, looking into the {@code <bioimage-search>} shadow root.
 */
final class WidgetBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private WidgetBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static WidgetBrowser start() throws IOException {
        Path profile = Files.createTempDirectory("bic-widget-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new WidgetBrowser(new ChromeDriver(service, options), profile);
    }

    void open(String url) {
        driver.get(url);
    }

    SearchContext widget() {
        return driver.findElement(By.tagName("bioimage-search")).getShadowRoot();
    }

    WebElement find(String css) {
        return widget().findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return widget().findElements(By.cssSelector(css));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Waits until the widget's status line reads exactly {@code text} and no search is in flight. */
    void untilStatus(String text) {
        until(d -> text.equals(find(".status").getText()) && find("#results").getAttribute("aria-busy") == null);
    }

    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
