package dev.moa.banking.bank;

import dev.moa.banking.bank.BankApi.TransferLookup;
import dev.moa.banking.bank.BankApi.TransferRequest;
import dev.moa.banking.bank.BankApi.TransferResult;
import dev.moa.banking.bank.BankApi.VerifyAnswer;
import dev.moa.banking.bank.BankApi.VerifyRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The bank's HTTP API (reactive REST client; address and timeouts under {@code quarkus.rest-client.bank.*}, the
 * address from {@code moa.bank.url}). Use it through {@link BankGateway}, which turns every failure into what it means
 * for the money: answered, never delivered, or unknown.
 */
@RegisterRestClient(configKey = "bank")
@Path("/api")
public interface BankClient {

    @POST
    @Path("/accounts/verify")
    Uni<VerifyAnswer> verify(VerifyRequest request);

    @POST
    @Path("/transfers")
    Uni<TransferResult> transfer(TransferRequest request);

    @GET
    @Path("/transfers/{requestId}")
    Uni<TransferLookup> lookup(@PathParam("requestId") String requestId);
}
