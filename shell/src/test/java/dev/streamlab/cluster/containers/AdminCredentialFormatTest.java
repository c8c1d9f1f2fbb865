package dev.streamlab.cluster.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.ClusterSecurity;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AdminCredentialFormatTest {

    @Test
    void theControllersSettingsReachTheFormatWholeAndTheCredentialInKafkasForm() throws Exception {
        ClusterSecurity security = new ClusterSecurity("admin", "Secret123");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node.id", "0");
        settings.putAll(security.nodeSettings());

        Map<String, String> env = AdminCredentialFormat.environment(settings, security);

        Properties read = new Properties();
        read.load(new StringReader(env.get("STREAMLAB_FORMAT_SETTINGS")));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(settings);
        assertThat(env.get("STREAMLAB_FORMAT_SETTINGS")).doesNotContain("#");
        assertThat(env).containsEntry("STREAMLAB_ADMIN_SCRAM", "SCRAM-SHA-512=[name=admin,password=Secret123]");
        assertThat(String.join(" ", AdminCredentialFormat.COMMAND))
                .contains("--add-scram \"$STREAMLAB_ADMIN_SCRAM\"", "--ignore-formatted && exec /etc/kafka/docker/run");
    }
}
