package dev.streamlab.demodata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A made-up customer. The first one is the talk's own example ({@code user: ab123, gender: female,
 * ip: 1.2.3.95}); the others get IP addresses from the ranges reserved for documentation
 * (RFC 5737) and email addresses at {@code example.com}/{@code example.org} (RFC 2606), so no real
 * person or machine is named.
 */
record Person(String user, String firstName, String lastName, String gender, String ip, String email) {

    static final Person TALK_EXAMPLE =
            new Person("ab123", "Anna", "Bakker", "female", "1.2.3.95", "anna.bakker@example.com");

    private static final String[] WOMEN = {
        "Sofia", "Emma", "Lea", "Mia", "Nora", "Julia", "Eva", "Lotte", "Ines", "Chloe", "Amira", "Priya", "Hana", "Zoe"
    };
    private static final String[] MEN = {
        "Bram", "Lucas", "Noah", "Milan", "Jonas", "Tomas", "David", "Omar", "Ravi", "Kenji", "Pablo", "Finn", "Sami",
        "Luca"
    };
    private static final String[] LAST_NAMES = {
        "Jansen",
        "Visser",
        "Smit",
        "Meyer",
        "Schmidt",
        "Dubois",
        "Martin",
        "Rossi",
        "Garcia",
        "Silva",
        "Novak",
        "Kowalski",
        "Nielsen",
        "Berg",
        "Costa",
        "Khan",
        "Sato",
        "Okafor",
        "Murphy",
        "Peeters"
    };
    private static final String[] DOCUMENTATION_NETWORKS = {"192.0.2.", "198.51.100.", "203.0.113."};
    private static final String[] MAIL_DOMAINS = {"example.com", "example.org"};

    /** {@code count} people, the talk's example first, each with a different user id. */
    static List<Person> generate(Random random, int count) {
        List<Person> people = new ArrayList<>();
        Set<String> users = new LinkedHashSet<>();
        people.add(TALK_EXAMPLE);
        users.add(TALK_EXAMPLE.user());
        while (people.size() < count) {
            int kind = random.nextInt(20);
            String gender = kind < 9 ? "female" : kind < 18 ? "male" : "unspecified";
            String[] firstNames =
                    gender.equals("female") || (gender.equals("unspecified") && random.nextBoolean()) ? WOMEN : MEN;
            String first = firstNames[random.nextInt(firstNames.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String user = (first.substring(0, 1) + last.substring(0, 1)).toLowerCase(Locale.ROOT)
                    + (100 + random.nextInt(900));
            String ip =
                    DOCUMENTATION_NETWORKS[random.nextInt(DOCUMENTATION_NETWORKS.length)] + (1 + random.nextInt(254));
            String email =
                    (first + "." + last).toLowerCase(Locale.ROOT) + (random.nextInt(4) == 0 ? random.nextInt(100) : "")
                            + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
            if (users.add(user)) {
                people.add(new Person(user, first, last, gender, ip, email));
            }
        }
        return people;
    }
}
