package vn.childprotection.directory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * People as pages name them: by their name in the directory, never their login ({@code @people.nameOf(...)} in
 * templates). Public: the pages call it.
 */
@Component("people")
public class People {

    private final Directory directory;

    People(Directory directory) {
        this.directory = directory;
    }

    /** The person's name; the login only if the directory no longer knows them; empty for nobody. */
    public String nameOf(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return directory.user(username).map(StaffUser::displayName).orElse(username);
    }

    /** The commune's protection workers who can sign in, by login, with their names, in name order. */
    public Map<String, String> workersOf(String communeCode) {
        Map<String, String> workers = new java.util.LinkedHashMap<>();
        directory.holders(Role.WORKER, communeCode).forEach(u -> workers.put(u.username(), u.displayName()));
        return workers;
    }

    /** For a list that names the same few people many times: each person looked up once. */
    public Function<String, String> names() {
        Map<String, String> known = new HashMap<>();
        return username -> known.computeIfAbsent(username == null ? "" : username, this::nameOf);
    }
}
