package ladder.models.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ladder.engine.cube.Cube;

/** Reading a cube's cells by groups: the labels of a cell on some dimensions, and the level order of such label lists. */
public final class CubeGroups {

    private CubeGroups() {
    }

    /** The labels of {@code cell} on {@code dimensions}, in that order. */
    public static List<String> labels(Cube cube, int cell, List<String> dimensions) {
        List<String> labels = new ArrayList<>(dimensions.size());
        for (String d : dimensions) {
            labels.add(cube.label(cell, cube.dimension(d)));
        }
        return labels;
    }

    /** Label lists on {@code dimensions} in the dimensions' level order, the first dimension slowest. */
    public static Comparator<List<String>> levelOrder(Cube cube, List<String> dimensions) {
        List<List<String>> levels = dimensions.stream().map(d -> cube.dimensions().get(cube.dimension(d)).levels()).toList();
        return (a, b) -> {
            for (int d = 0; d < levels.size(); d++) {
                int c = Integer.compare(levels.get(d).indexOf(a.get(d)), levels.get(d).indexOf(b.get(d)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }
}
