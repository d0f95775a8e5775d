package id.qutab.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked) that gives up once it has passed the limit. Failing the stream
 * makes the proxy reset the request to the service, so a service never sees a truncated body; the gateway then
 * answers 413 ({@link ForwardingInterceptor}).
 */
final class LimitedBodyStream implements ReadStream<Buffer> {

    static final class TooLarge extends RuntimeException {
        TooLarge(long max) {
            super("request body exceeds " + max + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private final Runnable onExceeded;
    private Handler<Throwable> exceptionHandler;
    private long seen;
    private boolean exceeded;

    LimitedBodyStream(ReadStream<Buffer> source, long maxBytes, Runnable onExceeded) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.onExceeded = onExceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                exceeded = true;
                onExceeded.run();
                Handler<Throwable> failed = exceptionHandler;
                if (failed != null) {
                    failed.handle(new TooLarge(maxBytes));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            source.endHandler(null);
            return this;
        }
        // After the limit the body must not look complete, or the service would get a truncated one.
        source.endHandler(v -> {
            if (!exceeded) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
