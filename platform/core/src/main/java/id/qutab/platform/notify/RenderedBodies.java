package id.qutab.platform.notify;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import java.util.List;

/**
 * The text and HTML bodies of a Qute template that has both variants ({@code name.txt} and {@code name.html}),
 * rendered now, the way the mailer's {@code MailTemplateInstance.send()} would render them.
 */
public record RenderedBodies(String text, String html) {

    public static RenderedBodies of(TemplateInstance instance) {
        String text = null;
        String html = null;
        Object variants = instance.getAttribute(TemplateInstance.VARIANTS);
        if (variants instanceof List<?> list && !list.isEmpty()) {
            for (Object v : list) {
                Variant variant = (Variant) v;
                if (Variant.TEXT_HTML.equals(variant.getContentType())) {
                    html = instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
                } else if (Variant.TEXT_PLAIN.equals(variant.getContentType())) {
                    text = instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
                }
            }
            return new RenderedBodies(text, html);
        }
        return new RenderedBodies(null, instance.render());
    }
}
