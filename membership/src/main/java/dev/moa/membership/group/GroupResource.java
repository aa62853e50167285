package dev.moa.membership.group;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.membership.group.GroupRequests.InviteByEmail;
import dev.moa.membership.group.GroupRequests.Join;
import dev.moa.membership.group.GroupRequests.NewGroup;
import dev.moa.membership.group.GroupRequests.OwnershipTransfer;
import dev.moa.membership.group.GroupRequests.RoleChange;
import dev.moa.membership.group.GroupViews.CreatedInvite;
import dev.moa.membership.group.GroupViews.GroupDetail;
import dev.moa.membership.group.GroupViews.GroupSummary;
import dev.moa.membership.group.GroupViews.Invite;
import dev.moa.membership.group.GroupViews.InvitationSent;
import dev.moa.membership.group.GroupViews.Member;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Groups (모임): create, read, invite, join, roles, ownership, leave. Every operation acts for the member of the
 * access token; a group the caller is not in answers 404 whether it exists or not.
 */
@Path("/groups")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final GroupService groups;
    private final GroupInviteService invites;
    private final GroupInvitationService invitations;
    private final GroupMemberService members;
    private final CurrentMember caller;

    public GroupResource(GroupService groups, GroupInviteService invites, GroupInvitationService invitations,
                         GroupMemberService members, CurrentMember caller) {
        this.groups = groups;
        this.invites = invites;
        this.invitations = invitations;
        this.members = members;
        this.caller = caller;
    }

    /** Creates a group; the caller is its owner. */
    @POST
    public Uni<Response> create(@NotNull @Valid NewGroup request) {
        return groups.create(caller.id(), request)
                .map(group -> Response.created(URI.create("/groups/" + group.id())).entity(group).build());
    }

    /** The caller's groups. */
    @GET
    public Uni<List<GroupSummary>> mine() {
        return groups.mine(caller.id());
    }

    @GET
    @Path("/{groupId}")
    public Uni<GroupDetail> get(@PathParam("groupId") UUID groupId) {
        return groups.detail(groupId, caller.id());
    }

    /** A new invite code (owner or treasurer); shown only in this answer. */
    @POST
    @Path("/{groupId}/invites")
    public Uni<Response> invite(@PathParam("groupId") UUID groupId) {
        return invites.create(groupId, caller.id())
                .map(invite -> Response.created(URI.create("/groups/" + groupId + "/invites/" + invite.inviteId()))
                        .entity(invite).build());
    }

    /** The group's active invites, without their codes (owner or treasurer). */
    @GET
    @Path("/{groupId}/invites")
    public Uni<List<Invite>> activeInvites(@PathParam("groupId") UUID groupId) {
        return invites.active(groupId, caller.id());
    }

    @DELETE
    @Path("/{groupId}/invites/{inviteId}")
    @ResponseStatus(204)
    public Uni<Void> revokeInvite(@PathParam("groupId") UUID groupId, @PathParam("inviteId") UUID inviteId) {
        return invites.revoke(groupId, inviteId, caller.id());
    }

    /**
     * Invites a member in person by the e-mail address of their account (owner or treasurer). Always 202 with the
     * same body (a new invitation id, to revoke it, and its expiry), whether or not the address is a member's: it
     * never reveals who has an account. The invitee is told
     * by notifications at the address it keeps for them, never at the one given here.
     */
    @POST
    @Path("/{groupId}/invitations")
    @ResponseStatus(202)
    public Uni<InvitationSent> inviteByEmail(@PathParam("groupId") UUID groupId,
                                             @NotNull @Valid InviteByEmail request) {
        return invitations.invite(groupId, caller.id(), request.email());
    }

    /** Accepts the caller's own invitation and joins the group as a member. */
    @POST
    @Path("/{groupId}/invitations/{invitationId}/accept")
    public Uni<GroupDetail> acceptInvitation(@PathParam("groupId") UUID groupId,
                                             @PathParam("invitationId") UUID invitationId) {
        return invitations.accept(groupId, invitationId, caller.id());
    }

    /** Revokes a personal invitation (owner or treasurer). */
    @DELETE
    @Path("/{groupId}/invitations/{invitationId}")
    @ResponseStatus(204)
    public Uni<Void> revokeInvitation(@PathParam("groupId") UUID groupId,
                                      @PathParam("invitationId") UUID invitationId) {
        return invitations.revoke(groupId, invitationId, caller.id());
    }

    /** Joins the group of an invite code as a member. */
    @POST
    @Path("/join")
    public Uni<GroupDetail> join(@NotNull @Valid Join request) {
        return invites.join(caller.id(), request.code());
    }

    /** The owner appoints a treasurer or makes one a member again. */
    @PUT
    @Path("/{groupId}/members/{memberId}/role")
    public Uni<Member> changeRole(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId,
                                  @NotNull @Valid RoleChange request) {
        return members.changeRole(groupId, memberId, request.groupRole(), caller.id());
    }

    /** The owner hands the group to another member and becomes a plain member. */
    @PUT
    @Path("/{groupId}/owner")
    public Uni<GroupDetail> transferOwnership(@PathParam("groupId") UUID groupId,
                                              @NotNull @Valid OwnershipTransfer request) {
        return members.transferOwnership(groupId, request.newOwnerId(), caller.id());
    }

    /** The caller leaves the group. */
    @DELETE
    @Path("/{groupId}/members/me")
    @ResponseStatus(204)
    public Uni<Void> leave(@PathParam("groupId") UUID groupId) {
        return members.leave(groupId, caller.id());
    }

    /** The owner removes another member. */
    @DELETE
    @Path("/{groupId}/members/{memberId}")
    @ResponseStatus(204)
    public Uni<Void> remove(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId) {
        return members.remove(groupId, memberId, caller.id());
    }
}
