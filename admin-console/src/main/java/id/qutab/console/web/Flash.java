package id.qutab.console.web;

import io.quarkus.qute.TemplateData;

/** A one-time message on the next page: what an action did, or the API's problem detail when it failed. */
@TemplateData
public record Flash(boolean ok, String text) {

    public static Flash of(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        if (stored.startsWith("ok:")) {
            return new Flash(true, stored.substring(3));
        }
        return new Flash(false, stored.startsWith("error:") ? stored.substring(6) : stored);
    }
}
