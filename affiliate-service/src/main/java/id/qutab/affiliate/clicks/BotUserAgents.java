package id.qutab.affiliate.clicks;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Known non-human user agents: their clicks are redirected (and get the cookie, which is harmless) and stored raw
 * with {@code bot = true}, but never counted as clicks or unique clicks.
 *
 * <p>What counts as a bot: search and SEO crawlers; link-preview fetchers of the apps affiliates share links in
 * (WhatsApp, Facebook, Telegram, Discord, Slack, Twitter, LinkedIn, Skype); uptime monitors; headless browsers;
 * and plain HTTP libraries and command-line tools (curl, wget, Python, Go, Java, Node, OkHttp, Postman, load
 * generators) — a person clicking a shared link uses a browser. A missing or empty user agent is a bot too.
 * More fragments can be added with {@code qutab.referral.bot-patterns}.
 */
@Singleton
public class BotUserAgents {

    static final List<String> BUILT_IN = List.of(
            "bot", "crawl", "spider", "slurp", "scrapy", "archiver", "mediapartners", "adsbot", "feedfetcher",
            "ahrefs", "semrush", "mj12", "dotbot", "petalbot", "yandex", "baiduspider", "bingpreview",
            "facebookexternalhit", "facebookcatalog", "meta-externalagent", "whatsapp", "telegram", "discord",
            "slack", "twitter", "linkedin", "skypeuripreview", "embedly", "quora link preview", "pinterest",
            "preview", "headless", "phantomjs", "lighthouse", "pagespeed", "pingdom", "uptimerobot", "statuscake",
            "monitor", "check_http", "nagios", "zabbix",
            "curl/", "wget", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client", "java/",
            "java-http-client", "httpclient", "okhttp", "axios", "node-fetch", "undici", "libwww-perl", "httpie",
            "postman", "insomnia", "apachebench", "wrk", "k6/", "hey/", "vegeta", "jmeter", "gatling", "locust");

    private final String[] patterns;

    @Inject
    public BotUserAgents(ReferralConfig config) {
        this(config.botPatterns().orElse(List.of()));
    }

    BotUserAgents(List<String> extra) {
        List<String> all = new ArrayList<>(BUILT_IN);
        extra.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).forEach(all::add);
        this.patterns = all.toArray(String[]::new);
    }

    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            if (ua.contains(pattern)) {
                return true;
            }
        }
        return false;
    }
}
