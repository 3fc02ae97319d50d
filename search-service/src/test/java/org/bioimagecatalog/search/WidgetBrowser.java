package org.bioimagecatalog.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.bioimagecatalog.testsupport.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium ({@link HeadlessChromium}) looking into the {@code <bioimage-search>} shadow root. */
final class WidgetBrowser implements AutoCloseable {
    private final HeadlessChromium chromium;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private WidgetBrowser(HeadlessChromium chromium) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
    }

    static boolean available() {
        return HeadlessChromium.available();
    }

    static WidgetBrowser start() throws IOException {
        return new WidgetBrowser(HeadlessChromium.start());
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
        chromium.close();
    }
}
