package id.qutab.payout.ktp;

import id.qutab.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.common.util.CaseInsensitiveMap;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one file part of a {@code multipart/form-data} body into memory, with Quarkus REST's own multipart
 * parser. Quarkus' {@code FileUpload} handling writes every file part to a temporary file first; a KTP image
 * must not touch the disk before it is encrypted, so the upload endpoint takes the raw body and reads it here.
 */
final class InMemoryMultipart {

    private InMemoryMultipart() {
    }

    /** The part that was asked for. */
    record Part(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * @param maxPartBytes a bigger part is a 413 (checked while reading, never buffered beyond it)
     * @param maxBodyBytes a bigger body is a 413 (other parts and overhead included)
     */
    static Part read(InputStream body, String contentTypeHeader, String partName, int maxPartBytes, long maxBodyBytes) {
        String boundary = contentTypeHeader == null ? null
                : HeaderUtil.extractQuotedValueFromHeader(contentTypeHeader, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw ProblemException.badRequest("A multipart/form-data body needs a boundary.");
        }
        Collector collector = new Collector(partName, maxPartBytes);
        MultipartParser.ParseState parser = MultipartParser.beginParse(collector,
                boundary.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8.name());
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            int n;
            while (!parser.isComplete() && (n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBodyBytes) {
                    throw KtpImageValidator.tooLarge(maxPartBytes);
                }
                parser.parse(ByteBuffer.wrap(buffer, 0, n));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("The multipart body could not be read.");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("The multipart body is malformed.");
        }
        if (!parser.isComplete()) {
            throw ProblemException.badRequest("The multipart body is incomplete.");
        }
        if (collector.found == null) {
            throw ProblemException.invalid(partName, "a file part named '" + partName + "' is required");
        }
        return collector.found;
    }

    private static final class Collector implements MultipartParser.PartHandler {

        private final String wanted;
        private final int maxPartBytes;
        private ByteArrayOutputStream current;
        private String fileName;
        private String contentType;
        private Part found;

        Collector(String wanted, int maxPartBytes) {
            this.wanted = wanted;
            this.maxPartBytes = maxPartBytes;
        }

        @Override
        public void beginPart(CaseInsensitiveMap<String> headers) {
            String disposition = headers.getFirst("Content-Disposition");
            String name = disposition == null ? null : HeaderUtil.extractQuotedValueFromHeader(disposition, "name");
            if (found == null && current == null && wanted.equals(name)) {
                current = new ByteArrayOutputStream();
                fileName = HeaderUtil.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
                contentType = headers.getFirst("Content-Type");
            }
        }

        @Override
        public void data(ByteBuffer buffer) {
            if (current == null) {
                buffer.position(buffer.limit());
                return;
            }
            if (current.size() + buffer.remaining() > maxPartBytes) {
                throw KtpImageValidator.tooLarge(maxPartBytes);
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            current.write(chunk, 0, chunk.length);
        }

        @Override
        public void endPart() {
            if (current != null) {
                found = new Part(fileName, contentType, current.toByteArray());
                current = null;
            }
        }
    }
}
