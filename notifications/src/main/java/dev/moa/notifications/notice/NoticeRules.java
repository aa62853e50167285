package dev.moa.notifications.notice;

/**
 * A source of rules: which events tell whom what. Each feature (membership, money, banking, later auction and
 * payment) has one bean implementing this; {@link NoticeRegistry} collects them at start. Adding an event is one
 * {@code registry.on(...)} line here and the templates of its kind.
 */
public interface NoticeRules {

    void register(NoticeRegistry registry);
}
