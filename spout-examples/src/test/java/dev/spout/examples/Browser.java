package dev.spout.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, driven by Selenium, each with its own fresh profile: two of them are two independent
 * browsers. Chromium and ChromeDriver come from Debian's packages; without them the test is skipped, unless the
 * build requires a browser ({@code -Dspout.requireBrowser=true}, set in CI), in which case it fails.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final ChromeDriverService service;
    public final WebDriver driver;

    private Browser() throws IOException {
        profile = Files.createTempDirectory("spout-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--window-size=1000,760",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
    }

    /** A new browser, or a skipped test if there is no Chromium here and none is required. */
    public static Browser open() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && Boolean.getBoolean("spout.requireBrowser")) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        assumeTrue(present, "Chromium is not installed: browser test skipped");
        try {
            return new Browser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    public String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png}, for a reviewer to look at (the tests
     * assert what matters; the pictures show the rest).
     */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(
                    file,
                    ((org.openqa.selenium.TakesScreenshot) driver)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A computed style of the first element the selector finds. */
    public String css(String cssSelector, String property) {
        return driver.findElement(By.cssSelector(cssSelector)).getCssValue(property);
    }

    public void type(String cssSelector, String text) {
        driver.findElement(By.cssSelector(cssSelector)).sendKeys(text);
    }

    public void click(String cssSelector) {
        driver.findElement(By.cssSelector(cssSelector)).click();
    }

    /**
     * Waits, polling, until the condition holds; fails after the timeout with the description. An element that a
     * live patch replaced between finding and reading it just means: look again.
     */
    public <T> T await(String description, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .withMessage(description)
                .ignoring(StaleElementReferenceException.class) // live patches replace elements while we look
                .until(condition);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless; the browser itself has been stopped.
            }
        }
    }
}
