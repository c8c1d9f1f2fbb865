package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.SettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinFileTest {

    @Test
    void writtenForItsOwnerOnlyAndReadBack(@TempDir Path dir) throws Exception {
        JoinFile file = JoinFile.of(
                "ana",
                "s3cret",
                "10.0.0.5:9092",
                Map.of(
                        "security.protocol",
                        "SASL_SSL",
                        "ssl.truststore.location",
                        "/etc/ca.p12",
                        "ssl.keystore.password",
                        "x",
                        "sasl.jaas.config",
                        "admin's"));
        Path written = file.write(dir);
        assertThat(written.getFileName()).hasToString("join-ana.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo("rw-------");
        String text = Files.readString(written);
        assertThat(text)
                .contains(
                        "cluster=external",
                        "bootstrap.server=10.0.0.5:9092",
                        "class.prefix=ana.",
                        "security.protocol=SASL_SSL",
                        "ssl.truststore.location=/etc/ca.p12",
                        "sasl.mechanism=SCRAM-SHA-512",
                        "username=\"ana\" password=\"s3cret\"");
        assertThat(text).as("the admin's own secrets stay out").doesNotContain("admin's", "keystore");

        JoinFile read = JoinFile.read(written);
        assertThat(read.learner()).isEqualTo("ana");
        assertThat(read.prefix()).isEqualTo("ana.");
        assertThat(read.clientConfig())
                .containsEntry("bootstrap.servers", "10.0.0.5:9092")
                .containsEntry("sasl.jaas.config", file.clientConfig().get("sasl.jaas.config"))
                .doesNotContainKeys("class.learner", "cluster");
    }

    @Test
    void aFileThatIsNotAJoinFileOrWasTamperedWithIsRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> JoinFile.read(dir.resolve("join-zoe.properties")))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("There is no join file at");
        Path other = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=x:9092\n");
        assertThatThrownBy(() -> JoinFile.read(other)).hasMessageContaining("is not a streamlab join file");
        Path tampered = JoinFile.of("ana", "pw", "h:1", Map.of()).write(dir);
        Files.writeString(tampered, Files.readString(tampered).replace("class.prefix=ana.", "class.prefix=bob."));
        assertThatThrownBy(() -> JoinFile.read(tampered)).hasMessageContaining("gives ana the prefix 'bob.'");
    }
}
