package org.callgate.sms;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;
import org.callgate.core.sms.SmsMessage;

/**
 * The start of a gateway's answer, for an error message: at most {@value #KEPT} bytes are kept
 * whatever the gateway sends, and the excerpt is one line with the caller's number and the text
 * blanked out, because the message may end up in a log (R11).
 */
final class Excerpt implements HttpResponse.BodySubscriber<String> {

    /** More than is shown, so that a number or text cut at the edge is still whole when blanked. */
    private static final int KEPT = 1024;
    /** Phone-number-like runs: 8 or more digits, perhaps with a leading + and spaces or dots. */
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d .]{6,}\\d");

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();

    private Excerpt() {}

    /** Reads any answer's body into its first {@value #KEPT} bytes, discarding the rest. */
    static HttpResponse.BodyHandler<String> handler() {
        return info -> new Excerpt();
    }

    /** {@code body} on one line, at most {@code max} characters, number and text blanked out. */
    static String scrub(String body, SmsMessage message, int max) {
        String text = message.text().strip();
        String scrubbed = text.isEmpty() ? body : body.replace(text, "[text]");
        scrubbed = DIGITS.matcher(scrubbed.replace(message.to().e164(), "[to]")).replaceAll("[number]");
        scrubbed = SPACE.matcher(scrubbed).replaceAll(" ").strip();
        return scrubbed.length() <= max ? scrubbed : scrubbed.substring(0, max) + "...";
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int take = Math.min(item.remaining(), KEPT - kept.size());
            if (take > 0) {
                byte[] bytes = new byte[take];
                item.get(bytes);
                kept.write(bytes, 0, take);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(kept.toString(StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }
}
