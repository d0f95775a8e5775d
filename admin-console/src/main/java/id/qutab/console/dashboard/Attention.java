package id.qutab.console.dashboard;

import io.quarkus.qute.TemplateData;

/**
 * One line of "needs attention today": how many are waiting (and for how much money, since when), the page that
 * handles them, or the problem detail when the count could not be read.
 */
@TemplateData
public record Attention(String id, String label, Long count, Long amount, String oldest, String href,
                        String problem) {

    static Attention of(String id, String label, long count, Long amount, Object oldest, String href) {
        return new Attention(id, label, count, amount, oldest == null ? null : oldest.toString(), href, null);
    }

    static Attention failed(String id, String label, String href, String problem) {
        return new Attention(id, label, null, null, null, href, problem);
    }

    public boolean waiting() {
        return count != null && count > 0;
    }
}
