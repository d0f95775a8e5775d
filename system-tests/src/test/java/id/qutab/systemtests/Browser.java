package id.qutab.systemtests;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, see STACK.md) pointed at the console
 * through the gateway, with the few moves every console test makes: open a page, log in, submit a form, accept a
 * confirmation, read the flash message, and save a screenshot of the final page under target/screenshots.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final URI gateway;

    public Browser(URI gateway) {
        this.gateway = gateway;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("QUTAB_CHROMIUM", "/usr/bin/chromium"));
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start (STACK.md)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=id");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("QUTAB_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    private static String binary(String variable, String fallback) {
        String path = System.getenv(variable);
        String chosen = path == null || path.isBlank() ? fallback : path;
        if (!Files.isExecutable(Path.of(chosen))) {
            throw new IllegalStateException(chosen + " is missing: install Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does it) or set " + variable);
        }
        return chosen;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a console path, e.g. {@code /admin/orders?status=PAID}. */
    public Browser open(String path) {
        driver.get(gateway.resolve(path).toString());
        return this;
    }

    public Browser login(String email, String password) {
        open("/admin/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver.findElement(By.id("login")).click();
        return this;
    }

    public Browser loginAsAdmin() {
        login(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
        await(ExpectedConditions.presenceOfElementLocated(By.id("admin-name")));
        return this;
    }

    public WebElement find(By by) {
        return await(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Browser type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clicks a button whose form asks for confirmation, checks the question names {@code expected}, accepts it. */
    public String clickAndConfirm(By by, String expected) {
        click(by);
        var alert = await(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        if (expected != null && !question.contains(expected)) {
            alert.dismiss();
            throw new AssertionError("confirmation \"" + question + "\" does not mention " + expected);
        }
        alert.accept();
        return question;
    }

    /** The one-time message at the top of the page after an action (what it did, or the API's problem detail). */
    public String flash() {
        return find(By.id("flash")).getText();
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getRawPath();
    }

    public <T> T await(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /**
     * Waits until {@code old} (e.g. the {@code <html>} of the page a form was posted from) is gone: the next page has
     * replaced it. Chromium reports a node of a replaced document either as stale or as "does not belong to the
     * document"; both mean the same here.
     */
    public void awaitReplaced(WebElement old) {
        await(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Saves the current page as target/screenshots/{name}.png. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
