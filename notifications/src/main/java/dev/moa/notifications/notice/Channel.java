package dev.moa.notifications.notice;

/** How a member is told: by e-mail, or in the app (the feed and its live stream). */
public enum Channel {
    EMAIL, IN_APP
}
