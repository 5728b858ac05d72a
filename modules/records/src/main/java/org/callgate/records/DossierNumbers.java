package org.callgate.records;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;

/**
 * Hands out dossier numbers ({@code D2026-000124}, R2, R3) that no other node sharing the store
 * hands out too (ADR 0018). A number is taken by <b>claiming</b> it: creating {@code
 * dossier-numbers/2026/D2026-000124.json} with {@link RecordingStore#create}, which exactly one of
 * racing nodes wins; a node that loses tries the next free number. The claim holds no personal
 * data (the number and when it was claimed) and the dossier's retention, unlocked: the purge
 * destroys it with the dossier ({@link #claimKey}); an erasure leaves it, so that an erased
 * dossier's number is not handed out again while its year runs.
 *
 * <p>Each instance remembers the highest number it knows of per year, so the next claim usually
 * wins at the first try. At the first claim of a year it lists that year's claims and dossiers
 * (dossiers stored before numbers were claimed have no claim); after a lost race it lists only the
 * hundred numbers around the one it lost, so catching up with another node's numbers costs a
 * listing per hundred, not a try per number. Numbers are unique, not gapless: a claim whose
 * dossier was never stored (the node stopped in between) is a number skipped.
 */
final class DossierNumbers {

    static final String PREFIX = "dossier-numbers/";

    private final RecordingStore store;
    private final Map<Integer, Integer> highest = new HashMap<>();

    DossierNumbers(RecordingStore store) {
        this.store = store;
    }

    /** The claim of {@code number}: {@code dossier-numbers/2026/D2026-000124.json}. */
    static ObjectKey claimKey(String number) {
        return ObjectKey.of(PREFIX + number.substring(1, 5) + "/" + number + ".json");
    }

    /**
     * Claims the year's next free number for a dossier created at {@code now} with {@code
     * retention}, the claim kept as long as the dossier.
     */
    synchronized String claim(Instant now, Retention retention) throws StoreException {
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        Integer known = highest.get(year);
        int candidate = (known != null ? known : highestStored(year)) + 1;
        ObjectAttributes attributes = new ObjectAttributes(
                "application/json",
                new Retention(retention.retentionClass(), retention.retainUntil(), LockMode.NONE),
                false,
                Map.of("kind", "dossier-number"));
        while (true) {
            String number = format(year, candidate);
            if (store.create(claimKey(number), json(number, now), attributes).isPresent()) {
                highest.put(year, candidate);
                return number;
            }
            candidate = Math.max(candidate, highestAround(year, candidate)) + 1;
        }
    }

    /** The highest number of the year among its claims and its dossiers. */
    private int highestStored(int year) throws StoreException {
        int claimed = highestOf(store.list(PREFIX + year + "/"));
        List<ObjectKey> dossiers = store.list(RecordKeys.DOSSIERS + "D" + year + "-");
        int stored = dossiers.isEmpty()
                ? 0
                : number(RecordKeys.dossierNumber(dossiers.getLast()).orElseThrow());
        return Math.max(claimed, stored);
    }

    /** The highest claimed among the hundred numbers that share {@code lost}'s leading digits. */
    private int highestAround(int year, int lost) throws StoreException {
        String digits = String.format(Locale.ROOT, "%06d", lost);
        String block = "D" + year + "-" + digits.substring(0, digits.length() - 2);
        return highestOf(store.list(PREFIX + year + "/" + block));
    }

    private static int highestOf(List<ObjectKey> claims) {
        return claims.stream()
                .map(c -> c.value().substring(c.value().lastIndexOf('/') + 1))
                .filter(name -> name.endsWith(".json"))
                .map(name -> parse(name.substring(0, name.length() - ".json".length())))
                .flatMap(Optional::stream)
                .max(Integer::compare)
                .orElse(0);
    }

    private static Optional<Integer> parse(String number) {
        int dash = number.indexOf('-');
        try {
            return dash < 0 ? Optional.empty() : Optional.of(Integer.parseInt(number.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int number(String dossierNumber) {
        return parse(dossierNumber)
                .orElseThrow(() -> new IllegalStateException("not a dossier number: " + dossierNumber));
    }

    static String format(int year, int number) {
        return String.format(Locale.ROOT, "D%d-%06d", year, number);
    }

    private static byte[] json(String number, Instant now) {
        return ("{\"dossier\":\"" + number + "\",\"claimed\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
