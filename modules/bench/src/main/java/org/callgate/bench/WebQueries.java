package org.callgate.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.callgate.core.dossier.Dossier;
import org.callgate.records.SyntheticData;

/**
 * What agents type into the one search box ({@code GET /api/v1/dossiers?q=}, R2), drawn from the
 * dossiers {@code generate-data} wrote ({@link SyntheticData}, same seed and day), so that nearly
 * every query has its dossier: a mobile number as people say it ({@code 0475 12 34 56}) or in
 * E.164 ({@code +32475123456}), a dossier number, or a surname with one letter left out in one
 * query of two, as {@link IndexBench} looks names up.
 */
final class WebQueries {

    /** The kinds of query, and their share of the mix in percent. */
    enum Kind {
        PHONE_NATIONAL(30),
        PHONE_E164(15),
        DOSSIER_NUMBER(25),
        NAME(30),
        /** Not a search: {@code GET /api/v1/session}, the floor of an authenticated round trip. */
        SESSION(0);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }
    }

    /** One query: its kind and the text sent as {@code q}. */
    record Query(Kind kind, String text) {}

    private final SyntheticData data;
    private final int dossiers;

    WebQueries(SyntheticData data, int dossiers) {
        this.data = data;
        this.dossiers = dossiers;
    }

    /** The request {@link Kind#SESSION} stands for. */
    static final Query SESSION = new Query(Kind.SESSION, "");

    /** A fresh random query of the mix. */
    Query next(SplittableRandom random) {
        int i = random.nextInt(dossiers);
        int roll = random.nextInt(100);
        Kind kind = Kind.NAME;
        for (Kind k : Kind.values()) {
            if (roll < k.percent) {
                kind = k;
                break;
            }
            roll -= k.percent;
        }
        String mobile = data.mobile(i).e164(); // +3247xxxxxxx
        return switch (kind) {
            case PHONE_NATIONAL -> new Query(kind, national(mobile));
            case PHONE_E164 -> new Query(kind, mobile);
            case DOSSIER_NUMBER -> new Query(kind, data.dossierNumber(i));
            case NAME, SESSION -> new Query(Kind.NAME, typo(data.dossier(i), random));
        };
    }

    /** {@code +32475123456} as {@code 0475 12 34 56}. */
    static String national(String e164) {
        String n = "0" + e164.substring(3);
        return String.format(
                Locale.ROOT, "%s %s %s %s", n.substring(0, 4), n.substring(4, 6), n.substring(6, 8), n.substring(8));
    }

    /** The dossier's surname without its particle, with one letter (not the first) left out in one case of two. */
    private static String typo(Dossier dossier, SplittableRandom random) {
        String[] words = dossier.name().split("[ '-]");
        String name = words[words.length - 1];
        if (random.nextBoolean() || name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 1);
        return name.substring(0, at) + name.substring(at + 1);
    }
}
