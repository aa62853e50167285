package dev.moa.banking.bank;

import dev.moa.banking.bank.BankApi.TransferLookup;
import dev.moa.banking.bank.BankApi.TransferRequest;
import dev.moa.banking.bank.BankApi.Verification;
import dev.moa.banking.bank.BankApi.VerifyRequest;
import dev.moa.banking.bank.BankCalls.Answered;
import dev.moa.banking.bank.BankCalls.BankUnavailable;
import dev.moa.banking.bank.BankCalls.Found;
import dev.moa.banking.bank.BankCalls.LookupCall;
import dev.moa.banking.bank.BankCalls.LookupFailed;
import dev.moa.banking.bank.BankCalls.NoAnswer;
import dev.moa.banking.bank.BankCalls.NotDelivered;
import dev.moa.banking.bank.BankCalls.NotFound;
import dev.moa.banking.bank.BankCalls.Rejected;
import dev.moa.banking.bank.BankCalls.TransferCall;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Calls the bank and says what each call came to, never guessing: an answer; a request that provably never reached
 * the bank (the connection was never made); or no answer, which leaves the outcome unknown. Every call is bounded by
 * the client's connect and read timeouts, and by a guard just past their sum. Counts calls in
 * {@code moa_bank_calls_total{operation, result}}.
 */
@ApplicationScoped
public class BankGateway {

    private final BankClient bank;
    private final MeterRegistry metrics;
    private final Duration guard;

    public BankGateway(@RestClient BankClient bank, MeterRegistry metrics,
                       @ConfigProperty(name = "quarkus.rest-client.bank.connect-timeout") long connectTimeoutMillis,
                       @ConfigProperty(name = "quarkus.rest-client.bank.read-timeout") long readTimeoutMillis) {
        this.bank = bank;
        this.metrics = metrics;
        this.guard = Duration.ofMillis(connectTimeoutMillis + readTimeoutMillis + 1_000);
    }

    /** The bank's verdict on an account and holder name; fails with {@link BankUnavailable} when it gives none. */
    public Uni<Verification> verify(String bankCode, String accountNumber, String holderName) {
        return bank.verify(new VerifyRequest(bankCode, accountNumber, holderName))
                .ifNoItem().after(guard).fail()
                .map(answer -> {
                    if (answer == null || answer.result() == null) {
                        throw new IllegalStateException("the bank's verification answer names no result");
                    }
                    return answer.result();
                })
                .invoke(() -> count("verify", "answered"))
                .onFailure().transform(e -> {
                    count("verify", neverDelivered(e) ? "not-delivered" : "no-answer");
                    return new BankUnavailable(describe(e));
                });
    }

    /**
     * Sends a transfer with its request id; the same id again is safe (the bank answers with its first result). An
     * answer that names no outcome is no answer: what happened at the bank stays unknown.
     */
    public Uni<TransferCall> transfer(TransferRequest request) {
        return bank.transfer(request)
                .ifNoItem().after(guard).fail()
                .<TransferCall>map(result -> {
                    if (result == null || result.outcome() == null) {
                        throw new IllegalStateException("the bank's transfer answer names no outcome");
                    }
                    return new Answered(result);
                })
                .onFailure().recoverWithItem(BankGateway::classify)
                .invoke(call -> count("transfer", resultOf(call)));
    }

    /**
     * Asks the bank whether (and how) it executed the transfer of {@code requestId}. Only the bank's explicit NOT_FOUND
     * is "not found" (which in time proves the transfer was never executed); FOUND without a transfer and its outcome,
     * or any other answer, is no answer.
     */
    public Uni<LookupCall> lookup(String requestId) {
        return bank.lookup(requestId)
                .ifNoItem().after(guard).fail()
                .<LookupCall>map(BankGateway::read)
                .onFailure().recoverWithItem(e -> new LookupFailed(describe(e)))
                .invoke(call -> count("lookup", call instanceof LookupFailed ? "no-answer" : "answered"));
    }

    private static LookupCall read(TransferLookup answer) {
        if (answer != null && answer.found() && answer.transfer().outcome() != null) {
            return new Found(answer.transfer());
        }
        if (answer != null && answer.notFound()) {
            return new NotFound();
        }
        throw new IllegalStateException("the bank's lookup answer is neither a transfer with an outcome nor NOT_FOUND");
    }

    private static TransferCall classify(Throwable failure) {
        if (neverDelivered(failure)) {
            return new NotDelivered(describe(failure));
        }
        if (failure instanceof WebApplicationException http && http.getResponse() != null) {
            return new Rejected(http.getResponse().getStatus(), describe(failure));
        }
        return new NoAnswer(describe(failure));
    }

    /** Only a connection that was never made proves that the bank did not get the request. */
    static boolean neverDelivered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static String resultOf(TransferCall call) {
        if (call instanceof Answered) {
            return "answered";
        }
        if (call instanceof NotDelivered) {
            return "not-delivered";
        }
        return call instanceof NoAnswer ? "no-answer" : "rejected";
    }

    private void count(String operation, String result) {
        metrics.counter("moa.bank.calls", "operation", operation, "result", result).increment();
    }
}
