package id.qutab.platform.support;

import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Endpoints that store and search client text the way services do (plain SQL here, the same driver and
 * database), so hostile input reaches PostgreSQL unless the platform stops it first.
 */
@Path("/test/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    public record NewNote(String text, List<String> tags, Map<String, String> labels) {
    }

    public record ShortNote(String code, long n) {
    }

    public record Note(long id, String text) {
    }

    @Inject
    AgroalDataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> create(NewNote note) {
        long id = insert(note.text(), "json");
        for (String tag : note.tags() == null ? List.<String>of() : note.tags()) {
            insert(tag, "tag");
        }
        if (note.labels() != null) {
            note.labels().forEach((k, v) -> insert(k + "=" + v, "label"));
        }
        return Map.of("id", id);
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Map<String, Object> createFromForm(@FormParam("text") String text) {
        return Map.of("id", insert(text, "form"));
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public Map<String, Object> upload(@RestForm("caption") String caption, @RestForm("file") FileUpload file) {
        long size = file == null ? -1 : file.size();
        return Map.of("id", insert(caption, "multipart"), "fileBytes", size);
    }

    @POST
    @Path("/header")
    @Transactional
    public Map<String, Object> createFromHeader(@HeaderParam("X-Note") String header, @CookieParam("note") String cookie) {
        return Map.of("id", insert(header != null ? header : cookie, "header"));
    }

    @POST
    @Path("/short")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> createShort(ShortNote note) {
        // Deliberately unvalidated: the database's own refusal (too long, out of range) must still be a 4xx.
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO short_notes (code, n) VALUES (?, ?)")) {
            ps.setString(1, note.code());
            ps.setLong(2, note.n());
            ps.executeUpdate();
            return Map.of("stored", true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    public Page<Note> search(@QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        String pattern = "%" + (q == null ? "" : q) + "%";
        List<Note> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, text FROM notes WHERE text LIKE ? ORDER BY id LIMIT ? OFFSET ?")) {
            ps.setString(1, pattern);
            ps.setInt(2, request.size());
            ps.setInt(3, request.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Note(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Page<>(items, request.page(), request.size(), items.size());
    }

    @GET
    @Path("/by-text/{text}")
    public List<Long> byText(@PathParam("text") String text) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM notes WHERE text = ?")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private long insert(String text, String source) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO notes (text, source) VALUES (?, ?) RETURNING id")) {
            ps.setString(1, text == null ? "" : text);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
