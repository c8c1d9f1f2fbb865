package lab04;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.InsertHeader;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.apache.kafka.connect.transforms.Transformation;

/** Lab 4, reference solution: Kafka's own ReplaceField and InsertHeader around a custom MaskIp. */
public final class PiiMasking {

    private PiiMasking() {
    }

    public static List<Transformation<SourceRecord>> transformations() {
        ReplaceField.Value<SourceRecord> dropGender = new ReplaceField.Value<>();
        dropGender.configure(Map.of("exclude", "gender"));
        MaskIp<SourceRecord> maskIp = new MaskIp<>();
        maskIp.configure(Map.of("field", "ip"));
        InsertHeader<SourceRecord> origin = new InsertHeader<>();
        origin.configure(Map.of("header", "origin", "value.literal", "crm"));
        return List.of(dropGender, maskIp, origin);
    }
}
