package org.callgate.records;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The names {@link SyntheticData} gives its dossiers: Belgian surnames, Flemish and Walloon, with
 * their accents, particles ({@code Van den}, {@code Le}, {@code D'}) and double-barrelled forms,
 * and first names. Kept apart from the record generator because the lists are long and are data,
 * not logic: what makes the index benchmark realistic is here, how records are assembled there.
 *
 * <p>Every name is drawn from the random generator it is given, so a record stays the same for
 * the same seed.
 */
final class BelgianNames {

    private static final String[] ROOTS = {
        "Dubois",
        "Lefèvre",
        "Peeters",
        "Janssens",
        "Maes",
        "Jacobs",
        "Mertens",
        "Willems",
        "Claes",
        "Goossens",
        "Wouters",
        "Smet",
        "Dumont",
        "Lambert",
        "Dupont",
        "Martin",
        "Leclercq",
        "Damme",
        "Vermeulen",
        "Hermans",
        "Michiels",
        "Renard",
        "Lemaire",
        "Gérard",
        "Fontaine",
        "Bodart",
        "Noël",
        "Rémy",
        "Lecomte",
        "Mathieu",
        "François",
        "Hubert",
        "Simon",
        "Laurent",
        "Denis",
        "Gilles",
        "Bastin",
        "Collard",
        "Dethier",
        "Thiry",
        "Wéry",
        "Desmedt",
        "Verhaegen",
        "Coppens",
        "Pauwels",
        "Cools",
        "Aerts",
        "Stévens",
        "Bogaert",
        "Verbruggen",
        "Dewulf",
        "Vandenberghe",
        "Dierickx",
        "Geerts",
        "Hendrickx",
        "Moens",
        "Nijs",
        "Segers",
        "Smolders",
        "Thys",
        "Brasseur",
        "Piérard",
        "Delvaux",
        "Evrard",
        "Henrard",
        "Jacquet",
        "Leroy",
        "Masson",
        "Pirard",
        "Ségers",
        "Wilmotte",
        "Crèvecoeur",
        "Dekeyser",
        "Lejeune",
        "Bernard",
        "Gobert",
        "Grégoire",
        "Lhoëst",
        "Mélon",
        "Ötzel"
    };
    /** Plain roots are the most common; suffixed ones make some 800 surnames, as many as a region has in use. */
    private static final String[] SUFFIXES = {"", "", "", "", "s", "e", "x", "aert", "ens", "in", "ot", "y"};

    private static final String[] PARTICLES = {"", "", "", "", "Van ", "De ", "Van den ", "Le ", "Vander", "D'"};
    private static final String[] FIRST_NAMES = {
        "Élise",
        "Chloé",
        "Zoë",
        "Gaëlle",
        "Noémie",
        "Anaïs",
        "Loïc",
        "Jérôme",
        "François",
        "Raphaël",
        "Maëlle",
        "Inès",
        "Thibault",
        "Léa",
        "Hélène",
        "Benoît",
        "Céline",
        "Frédéric",
        "Jan",
        "Marie",
        "Luc",
        "An",
        "Pieter",
        "Sofie",
        "Lotte",
        "Wout",
        "Joëlle",
        "Stéphane",
        "Géraldine",
        "Michaël",
        "Aurélie",
        "Sébastien",
        "Dries",
        "Eline",
        "Jonas",
        "Lien",
        "Nathalie",
        "Olivier"
    };

    private BelgianNames() {}

    /** A surname: an optional particle, a root with an optional suffix, one in eight double-barrelled. */
    static String surname(SplittableRandom r) {
        return PARTICLES[r.nextInt(PARTICLES.length)]
                + ROOTS[r.nextInt(ROOTS.length)]
                + SUFFIXES[r.nextInt(SUFFIXES.length)]
                + (r.nextInt(8) == 0 ? "-" + ROOTS[r.nextInt(ROOTS.length)] : "");
    }

    static String firstName(SplittableRandom r) {
        return FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
    }

    /** {@code text} in lower-case ASCII letters only, accents dropped: for e-mail addresses. */
    static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
