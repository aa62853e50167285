package dev.moa.membership.admin;

import dev.moa.chassis.security.Roles;
import dev.moa.membership.member.Member;
import dev.moa.membership.member.MemberService;
import dev.moa.membership.member.MemberView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Admins list, search and read members. */
@Path("/admin/members")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class AdminMemberResource {

    private static final String PRINTABLE = "^[^\\p{Cc}\\p{Cf}]*$";

    private final MemberService members;

    public AdminMemberResource(MemberService members) {
        this.members = members;
    }

    /** One page, ordered by e-mail; {@code after} is the last e-mail of the previous page. */
    public record MemberPage(List<MemberView> members, String next) {
    }

    @GET
    public Uni<MemberPage> search(@QueryParam("q") @Size(max = 100) @Pattern(regexp = PRINTABLE,
                                          message = "must be printable text") String query,
                                  @QueryParam("after") @Size(max = 254) @Pattern(regexp = PRINTABLE,
                                          message = "must be printable text") String after,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        String pattern = query == null || query.isBlank() ? "%" : "%" + escapeLike(query.strip()) + "%";
        String from = after == null ? "" : after.toLowerCase(Locale.ROOT);
        return Panache.withSession(() -> Member.<Member>find(
                        "(lower(email) like :q escape '\\' or lower(name) like :q escape '\\') and email > :after "
                                + "order by email",
                        Parameters.with("q", pattern.toLowerCase(Locale.ROOT)).and("after", from))
                .page(0, limit).list())
                .map(page -> new MemberPage(page.stream().map(MemberView::of).toList(),
                        page.size() < limit ? null : page.get(page.size() - 1).email));
    }

    @GET
    @Path("/{id}")
    public Uni<MemberView> read(@PathParam("id") UUID id) {
        return members.find(id);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
