package id.qutab.gateway.routing;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.proxy.Upstreams;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the route table once from configuration; an inconsistent table fails the start-up. */
public class RouteTableProducer {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config, Upstreams upstreams) {
        return RouteTable.of(config.routes(), upstreams.names());
    }
}
