-- Personal invitations into a group: the owner or a treasurer names an e-mail address; if it is a member's who is not
-- in the group, that member (invitee_id) may accept until expires_at, without a code. Every request leaves a row, also
-- when the address is nobody's (invitee_id null, never acceptable), so that the answer and the active-invitations
-- limit behave the same whoever the address belongs to. The address itself is not kept.
create table group_invitation (
    id          uuid primary key,
    group_id    uuid        not null references member_group (id) on delete cascade,
    invitee_id  uuid,
    created_by  uuid        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    accepted_at timestamptz
);

create index group_invitation_active on group_invitation (group_id, expires_at)
    where revoked_at is null and accepted_at is null;
create index group_invitation_invitee on group_invitation (invitee_id, group_id) where invitee_id is not null;
