package lab04;

import java.util.List;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Lab 4: a chain of single message transforms (SMTs) for a source connector. See README.adoc.
 */
public final class PiiMasking {

    private PiiMasking() {
    }

    /**
     * The transforms, configured and in order. Applied to {@code {user: ab123, gender: female, ip: 1.2.3.95}}
     * they give {@code {user: ab123, ip: 1.2.3.XXX}} and a header {@code origin: crm}.
     */
    public static List<Transformation<SourceRecord>> transformations() {
        // TODO 1: drop the field "gender" with Kafka's ReplaceField.Value (setting "exclude").
        // TODO 2: mask the last part of "ip" with MaskIp (complete it in MaskIp.java).
        // TODO 3: add the header origin=crm with Kafka's InsertHeader ("header", "value.literal").
        throw new UnsupportedOperationException("TODO: build the transform chain (see README.adoc).");
    }
}
