package ladder.engine.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load read, accepted and rejected, and why: the files in the order read, the record
 * counts (read = accepted + rejected, always), the rejections by category, the first
 * {@value RejectsWriter#KEPT} rejections, the warnings, and the rejected-rows file if one was
 * written.
 *
 * @param files the files read, as the user would name them, in the order read
 * @param rejectedByRule the number of rejections by the category of the first rule each broke
 *     (see {@link Rejection#category()}), in order of each category's first appearance
 * @param rejectsFile the rejected-rows file, or {@code null} if none was asked for
 */
public record LoadReport(List<String> files, long read, long accepted, long rejected,
        Map<String, Long> rejectedByRule, List<Rejection> firstRejections, List<String> warnings,
        Path rejectsFile) {

    /** @throws IllegalStateException if read is not accepted + rejected, or more rejections are listed than allowed */
    public LoadReport {
        if (read != accepted + rejected) {
            throw new IllegalStateException("read " + read + " records but accepted " + accepted
                    + " and rejected " + rejected);
        }
        if (firstRejections.size() > RejectsWriter.KEPT) {
            throw new IllegalStateException(firstRejections.size() + " rejections listed; at most "
                    + RejectsWriter.KEPT + " are kept");
        }
        files = List.copyOf(files);
        rejectedByRule = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByRule));
        firstRejections = List.copyOf(firstRejections);
        warnings = List.copyOf(warnings);
    }
}
