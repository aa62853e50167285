package dev.moa.money.dues;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The dues reminder ({@code moa.dues.reminder.*}): members are told before their dues are collected. */
@ConfigMapping(prefix = "moa.dues.reminder")
public interface DuesReminderConfig {

    /** How many days before the collection day the reminder is sent (1 to 27; a job that was down sends it later). */
    @WithDefault("3")
    int daysBefore();

    /** Reminders sent per run at most (one transaction); a later run sends the rest. 1 to 5000. */
    @WithDefault("500")
    int batch();

    /** How often each instance looks for reminders to send ({@code off} to switch the job off). */
    @WithDefault("1h")
    String every();
}
