package dev.moa.chassis.security;

/**
 * The roles carried in the {@code groups} claim of an access token. {@code SERVICE} is held only by tokens minted for
 * service-to-service calls; member tokens never carry it, so internal endpoints stay out of a member's reach.
 */
public final class Roles {

    public static final String MEMBER = "MEMBER";
    public static final String SELLER = "SELLER";
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }
}
