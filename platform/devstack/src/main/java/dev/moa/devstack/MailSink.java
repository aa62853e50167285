package dev.moa.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The SMTP server of {@code ./moa up}: a real SMTP server (GreenMail) on 127.0.0.1 that accepts every message and
 * writes each one to a folder as an {@code .eml} file, so that a developer reads the mails Moa sends without a mail
 * account. Nothing leaves the machine. Not used by tests (they run their own) nor in production.
 */
public final class MailSink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailSink.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final GreenMail smtp;
    private final Path folder;
    private final ScheduledExecutorService writer;
    private int written;

    private MailSink(GreenMail smtp, Path folder) {
        this.smtp = smtp;
        this.folder = folder;
        this.writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "moa-mail-sink");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens for SMTP on {@code port} and writes what arrives to {@code folder}. */
    public static MailSink start(int port, Path folder) {
        FreePorts.requireFree(port, "the SMTP sink");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MailSink sink = new MailSink(smtp, folder);
        sink.writer.scheduleWithFixedDelay(sink::writeNew, 1, 1, TimeUnit.SECONDS);
        LOG.infof("SMTP sink on 127.0.0.1:%d, mails written to %s", port, folder);
        return sink;
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    private synchronized void writeNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; written < received.length; written++) {
            Path file = folder.resolve(LocalDateTime.now().format(FILE_TIME) + "-" + written + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                received[written].writeTo(out);
            } catch (IOException | MessagingException e) {
                LOG.warnf("could not write a received mail to %s: %s", file, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNew();
        smtp.stop();
    }
}
