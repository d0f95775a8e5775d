package id.qutab.gateway.support;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The test's view of what the stub services received (see {@link UpstreamStubs}). */
public final class StubControl {

    private final String url;

    public StubControl(String controlUrl) {
        this.url = controlUrl + "/requests";
    }

    public void clear() {
        given().delete(url).then().statusCode(204);
    }

    public List<Map<String, Object>> requests() {
        return given().get(url).then().statusCode(200).extract().jsonPath().getList("$");
    }
}
