package id.qutab.affiliate.support;

import static io.restassured.RestAssured.given;

/** Reads the app's own Prometheus endpoint, so a test sees a meter the same way in-process and packaged. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of {@code name} over its tags in {@code /q/metrics}; 0 while the meter does not exist yet. */
    public static double value(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
