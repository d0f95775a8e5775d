package id.qutab.commerce.catalog;

import id.qutab.platform.problem.ProblemException;
import id.qutab.commerce.orders.OrderPhotos;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Serves stored product images and distribution photos ({@code /media/} is routed to this service by the gateway). */
@Path("/media")
@PermitAll
public class MediaResource {

    @Inject
    ProductImages images;

    @Inject
    OrderPhotos photos;

    @GET
    @Path("/orders/{file}")
    public Response photo(@PathParam("file") String file) {
        OrderPhotos.Stored photo = photos.find(file).orElseThrow(() -> ProblemException.notFound("Photo"));
        return Response.ok(photo.path().toFile(), photo.mediaType())
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("/products/{file}")
    public Response image(@PathParam("file") String file) {
        ProductImages.StoredImage image = images.find(file).orElseThrow(() -> ProblemException.notFound("Image"));
        return Response.ok(image.path().toFile(), image.mediaType())
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
