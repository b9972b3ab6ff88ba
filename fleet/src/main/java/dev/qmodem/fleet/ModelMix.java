package dev.qmodem.fleet;

import dev.qmodem.profile.Model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which model each module of a fleet is: one model for all ({@code BG95}) or a mix with counts
 * ({@code BG95:700,UC20:300}), handed out in the order written, so ids 0-699 are BG95 and 700-999 UC20.
 */
public final class ModelMix {

    private record Share(Model model, int count) {
    }

    private final List<Share> shares;

    private ModelMix(List<Share> shares) {
        this.shares = List.copyOf(shares);
    }

    /**
     * Parses {@code BG95} or {@code BG95:700,UC20:300} (model names in any case).
     *
     * @throws IllegalArgumentException for an unknown model, a count that is not a positive number, or a model named
     *                                  twice
     */
    public static ModelMix parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length == 1 && !parts[0].contains(":")) {
            return new ModelMix(List.of(new Share(Model.parse(parts[0]), 0)));
        }
        List<Share> shares = new ArrayList<>();
        Set<Model> seen = new HashSet<>();
        for (String part : parts) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + part + "' in a model mix needs a count: MODEL:N");
            }
            Model model = Model.parse(part.substring(0, colon).trim());
            int count;
            try {
                count = Integer.parseInt(part.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "': the count is not a number");
            }
            if (count <= 0) {
                throw new IllegalArgumentException("'" + part + "': the count must be positive");
            }
            if (!seen.add(model)) {
                throw new IllegalArgumentException(model + " is named twice in '" + text + "'");
            }
            shares.add(new Share(model, count));
        }
        return new ModelMix(shares);
    }

    /** A single model: it fits a fleet of any size. */
    public boolean single() {
        return shares.size() == 1 && shares.get(0).count() == 0;
    }

    /** The number of modules a mix names (0 for a single model). */
    public int total() {
        return shares.stream().mapToInt(Share::count).sum();
    }

    /**
     * The model of each module of a fleet of {@code count}, by id.
     *
     * @throws IllegalArgumentException if a mix names another number of modules
     */
    public List<Model> assign(int count) {
        if (single()) {
            return Collections.nCopies(count, shares.get(0).model());
        }
        if (total() != count) {
            throw new IllegalArgumentException("the model mix names " + total() + " modules, the fleet has " + count);
        }
        List<Model> models = new ArrayList<>(count);
        shares.forEach(share -> models.addAll(Collections.nCopies(share.count(), share.model())));
        return models;
    }

    @Override
    public String toString() {
        return single() ? shares.get(0).model().name()
                : String.join(",", shares.stream().map(s -> s.model() + ":" + s.count()).toList());
    }
}
