package id.qutab.console.session;

import id.qutab.console.api.Api;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Trades a refresh token for a new pair, once. A refresh token is single-use in identity, and a browser can send
 * two requests with the same cookies at the same moment (a page and a download): both get the one new pair
 * instead of the second spending a token that is already spent and ending the session. Answers are remembered for
 * a minute, in this process only (one console instance; see the README for running more).
 */
@ApplicationScoped
public class TokenRefresher {

    public record Pair(String accessToken, String refreshToken) {
    }

    private record Entry(CompletableFuture<Pair> pair, Instant at) {
    }

    private static final Duration REMEMBER = Duration.ofMinutes(1);

    private final Map<String, Entry> recent = new ConcurrentHashMap<>();

    @Inject
    Api api;

    public Pair refresh(String refreshToken) {
        Instant now = Instant.now();
        recent.values().removeIf(e -> e.at().plus(REMEMBER).isBefore(now));
        CompletableFuture<Pair> mine = new CompletableFuture<>();
        Entry entry = recent.computeIfAbsent(refreshToken, t -> new Entry(mine, now));
        if (entry.pair() == mine) {
            try {
                Map<String, Object> answer = api.postAnonymous("/api/auth/refresh", Map.of("refreshToken", refreshToken));
                mine.complete(new Pair(String.valueOf(answer.get("accessToken")),
                        String.valueOf(answer.get("refreshToken"))));
            } catch (RuntimeException e) {
                recent.remove(refreshToken);
                mine.completeExceptionally(e);
            }
        }
        try {
            return entry.pair().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
