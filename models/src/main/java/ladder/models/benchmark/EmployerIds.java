package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;

/** The employers of a cube with an {@code employer_id} dimension, and a user's employer id checked against them. */
public final class EmployerIds {

    private EmployerIds() {
    }

    /** The employer ids that have rows, in level order. */
    public static List<String> all(Cube cube) {
        Cube ids = cube.marginalise("employer_id");
        List<String> out = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            out.add(ids.label(c, 0));
        }
        return out;
    }

    /** {@code asked} as the cube spells it (ids match after trimming, case-sensitively); a one-line error naming a few known ids. */
    public static String require(Cube cube, String asked) {
        List<String> ids = all(cube);
        String id = asked == null ? "" : asked.strip();
        if (!ids.contains(id)) {
            List<String> few = ids.subList(0, Math.min(5, ids.size()));
            throw new LadderException("no employer '" + id + "' in the selection; its " + ids.size() + " employer(s)"
                    + " include " + String.join(", ", few) + (ids.size() > few.size() ? ", ..." : ""));
        }
        return id;
    }
}
