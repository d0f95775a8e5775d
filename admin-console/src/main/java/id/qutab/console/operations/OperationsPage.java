package id.qutab.console.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.console.api.Api;
import id.qutab.console.api.ApiProblem;
import id.qutab.console.web.Pager;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operations: the dead letters of each service ({@code /api/admin/events/{service}/dead-letters}: list, replay one,
 * replay a destination's in bulk) and every scheduled job with a "run now" ({@code /api/admin/jobs/{job}/run}).
 * When a service is down its dead-letter count says so and the rest of the page still works: this is the page an
 * admin opens when something is wrong.
 */
@Path("/operations")
public class OperationsPage {

    /** The services that relay events (API.md "Operations"), in the order events usually flow. */
    static final List<String> SERVICES = List.of("identity", "commerce", "affiliate", "payout");

    /** Every job an admin can run now, by owning service (the gateway routes /api/admin/jobs/{job}/ to it). */
    static final List<Job> JOBS = List.of(
            new Job("commerce", "payment-expiry", OperationTexts::job_payment_expiry),
            new Job("commerce", "retention", OperationTexts::job_retention),
            new Job("commerce", "sales-rollup", OperationTexts::job_sales_rollup),
            new Job("commerce", "loyalty-tiers", OperationTexts::job_loyalty_tiers),
            new Job("commerce", "loyalty-expiry", OperationTexts::job_loyalty_expiry),
            new Job("commerce", "reminders", OperationTexts::job_reminders),
            new Job("affiliate", "commission-maturation", OperationTexts::job_commission_maturation),
            new Job("affiliate", "stats-aggregation", OperationTexts::job_stats_aggregation),
            new Job("affiliate", "click-cleanup", OperationTexts::job_click_cleanup),
            new Job("affiliate", "tier-recalculation", OperationTexts::job_tier_recalculation),
            new Job("payout", "ktp-rekey", OperationTexts::job_ktp_rekey),
            new Job("payout", "payout-idempotency-retention", OperationTexts::job_payout_idempotency_retention));

    record Job(String service, String name, Function<OperationTexts, String> purpose) {
    }

    /** A job as the page shows it. */
    @TemplateData
    public record JobRow(String service, String name, String purpose) {
    }

    /** One service's tab: how many dead letters it has, or why that could not be read. */
    @TemplateData
    public record ServiceTab(String name, Long total, String error, boolean selected) {
    }

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    ObjectMapper json;

    @Inject
    @Location("operations/page.html")
    Template page;

    @GET
    public Response page(@QueryParam("service") String service, @QueryParam("page") String pageNumber,
                         @QueryParam("size") String size, @Context UriInfo uri) {
        OperationTexts texts = texts();
        Map<String, ServiceTab> tabs = new LinkedHashMap<>();
        for (String name : SERVICES) {
            try {
                Object total = api.get(deadLetters(name), Map.of("size", 1)).get("total");
                tabs.put(name, new ServiceTab(name, total instanceof Number n ? n.longValue() : 0L, null, false));
            } catch (ApiProblem e) {
                if (e.status() == 401) {
                    throw e; // the session ended: to the login page, not "unreadable"
                }
                tabs.put(name, new ServiceTab(name, null, texts.count_unavailable(e.describe()), false));
            }
        }
        String selected = service != null && SERVICES.contains(service) ? service : tabs.values().stream()
                .filter(t -> t.total() != null && t.total() > 0).map(ServiceTab::name).findFirst().orElse("identity");
        ServiceTab chosen = tabs.get(selected);
        tabs.put(selected, new ServiceTab(chosen.name(), chosen.total(), chosen.error(), true));

        Map<String, Object> data = new HashMap<>();
        data.put("tabs", List.copyOf(tabs.values()));
        data.put("service", selected);
        data.put("destinations", SERVICES.stream().filter(s -> !s.equals(selected)).toList());
        try {
            Map<String, Object> query = new HashMap<>();
            query.put("page", pageNumber);
            query.put("size", size);
            Map<String, Object> dead = api.get(deadLetters(selected), query);
            data.put("deadLetters", rows(dead.get("items"), texts));
            data.put("pager", Pager.of(dead, uri));
            data.put("listError", null);
        } catch (ApiProblem e) {
            if (e.status() == 401) {
                throw e;
            }
            data.put("deadLetters", List.of());
            data.put("pager", new Pager(0, 20, 0, 0, 0, null, null));
            data.put("listError", texts.list_unavailable(e.describe()));
        }
        data.put("jobs", JOBS.stream().map(j -> new JobRow(j.service(), j.name(), j.purpose().apply(texts))).toList());
        return pages.page(page, data);
    }

    @POST
    @Path("/dead-letters/{service}/{id}/replay")
    public Response replay(@PathParam("service") String service, @PathParam("id") UUID id,
                           @HeaderParam("Referer") String referer) {
        Map<String, Object> answer = api.post(deadLetters(known(service)) + "/" + id + "/replay", Map.of());
        pages.flashOk(texts().replayed(id.toString(), String.valueOf(answer.get("status"))));
        return Redirects.to(Pages.back(referer, "/admin/operations?service=" + service)).build();
    }

    /** Every dead letter of one service to one destination, e.g. after the consumer that refused them was fixed. */
    @POST
    @Path("/dead-letters/{service}/replay")
    public Response replayAll(@PathParam("service") String service, @FormParam("destination") String destination,
                              @HeaderParam("Referer") String referer) {
        String to = known(destination);
        Map<String, Object> answer = api.post(deadLetters(known(service)) + "/replay?destination=" + Api.segment(to),
                Map.of());
        pages.flashOk(texts().replayed_all(String.valueOf(answer.get("replayed")), service, to));
        return Redirects.to(Pages.back(referer, "/admin/operations?service=" + service)).build();
    }

    @POST
    @Path("/jobs/{job}/run")
    public Response run(@PathParam("job") String job, @HeaderParam("Referer") String referer) {
        Job known = JOBS.stream().filter(j -> j.name().equals(job)).findFirst()
                .orElseThrow(NotFoundException::new);
        Map<String, Object> answer = api.post("/api/admin/jobs/" + known.name() + "/run", Map.of());
        pages.flashOk(texts().job_done(known.name(), asJson(answer)));
        return Redirects.to(Pages.back(referer, "/admin/operations")).build();
    }

    private static String known(String service) {
        if (service == null || !SERVICES.contains(service)) {
            throw new NotFoundException();
        }
        return service;
    }

    private static String deadLetters(String service) {
        return "/api/admin/events/" + service + "/dead-letters";
    }

    /** The API's rows plus their age (since the event happened), in the admin's words. */
    private List<Map<String, Object>> rows(Object items, OperationTexts texts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (items instanceof List<?> list) {
            Instant now = Instant.now();
            for (Object item : list) {
                if (item instanceof Map<?, ?> row) {
                    Map<String, Object> shown = new HashMap<>();
                    row.forEach((k, v) -> shown.put(String.valueOf(k), v));
                    shown.put("age", age(shown.get("occurredAt"), now, texts));
                    shown.put("error", errorSummary(shown.get("lastError")));
                    rows.add(shown);
                }
            }
        }
        return rows;
    }

    private static final Pattern HTTP_ERROR = Pattern.compile("HTTP (\\d{3}): (\\{.*)", Pattern.DOTALL);

    static String age(Object occurredAt, Instant now, OperationTexts texts) {
        if (occurredAt == null) {
            return "";
        }
        Duration age;
        try {
            age = Duration.between(OffsetDateTime.parse(occurredAt.toString()).toInstant(), now);
        } catch (DateTimeParseException e) {
            return "";
        }
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.toDays() > 0) {
            return texts.age_days(age.toDays(), age.toHoursPart());
        }
        if (age.toHours() > 0) {
            return texts.age_hours(age.toHours(), age.toMinutesPart());
        }
        return texts.age_minutes(age.toMinutes());
    }

    /**
     * The relay stores a refusal as {@code HTTP 400: <the consumer's problem+json>}: the admin reads its
     * {@code detail}; anything else is shown as stored.
     */
    String errorSummary(Object lastError) {
        if (lastError == null) {
            return "";
        }
        String text = lastError.toString();
        Matcher http = HTTP_ERROR.matcher(text);
        if (http.matches()) {
            try {
                Object detail = json.readValue(http.group(2), Map.class).get("detail");
                if (detail != null && !detail.toString().isBlank()) {
                    return "HTTP " + http.group(1) + ": " + detail;
                }
            } catch (IOException | RuntimeException e) {
                // cut off at the relay's 300 characters, or not JSON: show it as stored
            }
        }
        return text;
    }

    /** The job's answer as the API gave it ({@code {job, processed, ...}}). */
    private String asJson(Map<String, Object> answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            return answer.toString();
        }
    }

    private OperationTexts texts() {
        return pages.localized(OperationTexts.class);
    }
}
