package org.callgate.records;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.store.RetentionProfile;

/**
 * Realistic synthetic records for the demo and the index benchmark ({@code callgate generate-data}):
 * Belgian names with their accents and particles ({@link BelgianNames}), Belgian landline and
 * mobile numbers, valid Belgian IBANs (national and ISO 13616 check digits), UPU S10 and bpost
 * parcel barcodes. Record {@code i} is always the same for the same seed and date, whatever else
 * is generated, so the benchmark can generate in parallel and a test can predict a record.
 *
 * <p>Dossiers are spread over this calendar year (up to {@code now}) and the two before, a third
 * in each, numbered by their year; one in six is of the banking service (R3). Call traces are
 * spread over the year before {@code now}, seven in ten from a dossier's number and linked to it,
 * with zero to two barcodes.
 */
public final class SyntheticData {

    private static final String[] SERVICES = {"parcels", "parcels", "parcels", "mail", "mail", "banking"};
    private static final String[] LANDLINE_ZONES = {"2", "3", "9", "4", "10", "50", "71", "81", "87"};
    private static final String GIVEN = "asked where the parcel is; delivery address confirmed";
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final Instant now;
    private final RetentionProfile profile;

    public SyntheticData(long seed, Instant now, RetentionProfile profile) {
        this.seed = seed;
        this.now = now;
        this.profile = profile;
    }

    private SplittableRandom random(String kind, long i) {
        return new SplittableRandom(seed * 31 + kind.hashCode() + i * MIX);
    }

    /** Dossier {@code i} (from 0): numbered {@code D<year>-<n>} by the year it was opened. */
    public Dossier dossier(int i) {
        SplittableRandom r = random("dossier", i);
        int year = yearOf(i);
        Instant yearStart =
                LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant yearEnd =
                LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long span = Duration.between(yearStart, yearEnd.isAfter(now) ? now : yearEnd)
                .getSeconds();
        Instant created = yearStart.plusSeconds(r.nextLong(Math.max(1, span)));
        String number = dossierNumber(i);
        String service = SERVICES[r.nextInt(SERVICES.length)];
        List<PhoneNumber> phones = new ArrayList<>();
        phones.add(mobile(i));
        if (r.nextInt(3) == 0) {
            phones.add(landline(r));
        }
        String name = BelgianNames.surname(r);
        String first = BelgianNames.firstName(r);
        Iban iban = "banking".equals(service) || r.nextInt(4) == 0 ? belgianIban(r) : null;
        String email = r.nextInt(2) == 0
                ? null
                : BelgianNames.ascii(first) + "." + BelgianNames.ascii(name) + i + "@example.be";
        String retentionClass = "banking".equals(service) ? "banking-dossier" : "dossier";
        RecordRetention retention = new RecordRetention(
                retentionClass, profile.retentionFor(retentionClass, created).retainUntil(), false);
        return new Dossier(
                number, 1, name, first, phones, iban, email, "", service, List.of(), created, created, retention);
    }

    /** Dossier {@code i}'s number, without generating the dossier. */
    public String dossierNumber(int i) {
        return String.format(Locale.ROOT, "D%d-%06d", yearOf(i), i / 3 + 1);
    }

    private int yearOf(int i) {
        return now.atOffset(ZoneOffset.UTC).getYear() - i % 3;
    }

    /** Dossier {@code i}'s mobile number, {@code +32 47x xx xx xx}: unique for the first five million. */
    public PhoneNumber mobile(int i) {
        return new PhoneNumber(String.format(Locale.ROOT, "+3247%d%06d", 5 + i % 5, i / 5 % 1_000_000));
    }

    /** Call trace {@code j} (from 0), most of them from one of the first {@code dossiers} dossiers' numbers. */
    public CallTrace trace(long j, int dossiers) {
        SplittableRandom r = random("trace", j);
        Instant time = now.minus(Duration.ofSeconds(r.nextLong(365L * 86_400)));
        boolean known = dossiers > 0 && r.nextInt(10) < 7;
        int dossier = known ? r.nextInt(dossiers) : -1;
        PhoneNumber caller = known ? mobile(dossier) : r.nextInt(4) == 0 ? landline(r) : randomMobile(r);
        List<String> barcodes = new ArrayList<>();
        for (int b = r.nextInt(3); b > 0; b--) {
            barcodes.add(r.nextBoolean() ? s10Barcode(r) : bpostBarcode(r));
        }
        String service = SERVICES[r.nextInt(SERVICES.length)];
        boolean mobile = caller.isBelgianMobile();
        RecordRetention retention =
                new RecordRetention("trace", profile.retentionFor("trace", time).retainUntil(), false);
        return new CallTrace(
                String.format(Locale.ROOT, "syn-%010d", j),
                caller,
                "+3222785044",
                service,
                time,
                barcodes,
                barcodes.isEmpty() ? "" : GIVEN,
                "lang=" + (r.nextBoolean() ? "fr" : "nl") + ";menu=" + (1 + r.nextInt(3)),
                mobile,
                mobile && r.nextInt(5) == 0,
                known ? dossierNumber(dossier) : null,
                retention);
    }

    private static PhoneNumber landline(SplittableRandom r) {
        String zone = LANDLINE_ZONES[r.nextInt(LANDLINE_ZONES.length)];
        int digits = 8 - zone.length();
        return new PhoneNumber(
                "+32" + zone + String.format(Locale.ROOT, "%0" + digits + "d", r.nextInt((int) Math.pow(10, digits))));
    }

    private static PhoneNumber randomMobile(SplittableRandom r) {
        return new PhoneNumber(String.format(Locale.ROOT, "+3246%d%06d", r.nextInt(10), r.nextInt(1_000_000)));
    }

    /** BE + ISO check digits + a 12-digit account whose last two digits are its first ten mod 97. */
    static Iban belgianIban(SplittableRandom r) {
        long account = r.nextLong(1_000_000_000L, 10_000_000_000L);
        long national = account % 97 == 0 ? 97 : account % 97;
        String bban = String.format(Locale.ROOT, "%010d%02d", account, national);
        int check =
                98 - new BigInteger(bban + "111400").mod(BigInteger.valueOf(97)).intValue();
        return new Iban(String.format(Locale.ROOT, "BE%02d%s", check, bban));
    }

    /** A UPU S10 item identifier: two letters, eight digits, the S10 check digit, BE. */
    static String s10Barcode(SplittableRandom r) {
        int serial = r.nextInt(100_000_000);
        String digits = String.format(Locale.ROOT, "%08d", serial);
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int sum = 0;
        for (int k = 0; k < 8; k++) {
            sum += weights[k] * (digits.charAt(k) - '0');
        }
        int check = 11 - sum % 11;
        check = check == 10 ? 0 : check == 11 ? 5 : check;
        char a = (char) ('A' + r.nextInt(26));
        char b = (char) ('A' + r.nextInt(26));
        return "" + a + b + digits + check + "BE";
    }

    /** A bpost domestic parcel barcode: 18 digits starting 3232. */
    static String bpostBarcode(SplittableRandom r) {
        return String.format(Locale.ROOT, "3232%014d", r.nextLong(100_000_000_000_000L));
    }
}
