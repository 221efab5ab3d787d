package dev.stance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and positional arguments of one command. Options are {@code --name value},
 * {@code --name=value} or flags ({@code --json}); anything else is positional; {@code --} ends options.
 * Unknown options are rejected, so a typo never passes silently.
 */
final class Args {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * @param valued option names that take a value (without {@code --})
     * @param flags  option names that take none
     */
    static Args parse(String command, List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Args out = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsEnded || !a.startsWith("--") || a.equals("-")) {
                out.positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": --" + name + " takes no value");
                }
                out.options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                out.options.put(name, value);
            } else {
                throw new UsageException(command + ": unknown option --" + name + " (see " + command + " --help)");
            }
        }
        return out;
    }

    /** {@code base} plus {@code extra}: the option names of a command that adds its own to shared ones. */
    static Set<String> union(Set<String> base, String... extra) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(extra));
        return all;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        return options.get(name);
    }

    String require(String command, String name) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            throw new UsageException(command + ": --" + name + " is required (see " + command + " --help)");
        }
        return v;
    }

    Path path(String name) {
        String v = options.get(name);
        return v == null ? null : Path.of(v);
    }

    /** An integer option, or {@code fallback} when absent. */
    long integer(String command, String name, long fallback, long min) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min) {
                throw new UsageException(command + ": --" + name + " must be at least " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be an integer, got \"" + v + "\"");
        }
    }

    List<String> positional() {
        return positional;
    }
}
