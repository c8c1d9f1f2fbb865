package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.ListenAddress.Choice;
import dev.streamlab.cluster.ListenAddress.Machine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    private static final Machine NAMED = new Machine(Optional.of("room-pc.school.example"), List.of("192.0.2.10"));
    private static final Machine UNNAMED = new Machine(Optional.empty(), List.of("192.0.2.10", "198.51.100.7"));
    private static final Machine ISOLATED = new Machine(Optional.empty(), List.of());

    @Test
    void aSpecificAddressAdvertisesItself() {
        assertThat(ListenAddress.of("127.0.0.2", null, NAMED))
                .isEqualTo(new ListenAddress("127.0.0.2", "127.0.0.2", Choice.BIND_ADDRESS));
    }

    @Test
    void everyAddressAdvertisesTheHostNameOrElseTheFirstAddress() {
        assertThat(ListenAddress.of("0.0.0.0", null, NAMED))
                .isEqualTo(new ListenAddress("0.0.0.0", "room-pc.school.example", Choice.HOST_NAME));
        assertThat(ListenAddress.of("0.0.0.0", " ", UNNAMED))
                .isEqualTo(new ListenAddress("0.0.0.0", "192.0.2.10", Choice.FIRST_ADDRESS));
        assertThat(ListenAddress.of("0.0.0.0", null, NAMED).everyAddress()).isTrue();
    }

    @Test
    void aGivenHostWins() {
        assertThat(ListenAddress.of("0.0.0.0", "kafka.room", NAMED))
                .isEqualTo(new ListenAddress("0.0.0.0", "kafka.room", Choice.GIVEN));
        assertThat(ListenAddress.of("127.0.0.2", "127.0.0.2", ISOLATED).choice())
                .isEqualTo(Choice.GIVEN);
    }

    @Test
    void aMachineNobodyCanReachNeedsAnAdvertisedHost() {
        assertThatThrownBy(() -> ListenAddress.of("0.0.0.0", null, ISOLATED))
                .isInstanceOf(SettingException.class)
                .hasMessage("This machine has no host name or network address that other machines could reach."
                        + " Give one with --advertise HOST.");
    }

    @Test
    void badAddressesAreOneSentence() {
        assertThatThrownBy(() -> ListenAddress.of("room-pc", null, NAMED))
                .isInstanceOf(SettingException.class)
                .hasMessage("--listen takes an IPv4 address of this machine (0.0.0.0 for all of them), not 'room-pc'.");
        assertThatThrownBy(() -> ListenAddress.of("127.0.0.300", null, NAMED)).isInstanceOf(SettingException.class);
        assertThatThrownBy(() -> ListenAddress.of("::1", null, NAMED)).isInstanceOf(SettingException.class);
        assertThatThrownBy(() -> ListenAddress.of("0.0.0.0", "room-pc:9092", NAMED))
                .isInstanceOf(SettingException.class)
                .hasMessage("--advertise takes the host name or address learners reach this machine by (no port),"
                        + " not 'room-pc:9092'.");
        assertThatThrownBy(() -> ListenAddress.of("0.0.0.0", "0.0.0.0", NAMED)).isInstanceOf(SettingException.class);
    }

    @Test
    void anAddressOfAnotherMachineIsRefusedBeforeAnythingStarts() {
        // 240.0.0.1 is reserved (class E): no machine is given it. Binding to it fails locally, nothing is sent.
        assertThatThrownBy(() -> ListenAddress.of("240.0.0.1", null))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Cannot listen on 240.0.0.1 (")
                .hasMessageEndingWith(
                        "it is not an address of this machine. Give one that 'ip address' lists, or 0.0.0.0"
                                + " for all of them.");
    }

    @Test
    void theCertificateNamesTheAdvertisedHostAndASpecificBoundAddress() {
        assertThat(BrokerCertificate.subjectAlternativeNames(new ListenAddress("127.0.0.2", "127.0.0.2", Choice.GIVEN)))
                .isEqualTo("ip:127.0.0.2");
        assertThat(BrokerCertificate.subjectAlternativeNames(
                        new ListenAddress("192.0.2.10", "kafka.room", Choice.GIVEN)))
                .isEqualTo("dns:kafka.room,ip:192.0.2.10");
        assertThat(BrokerCertificate.subjectAlternativeNames(new ListenAddress("0.0.0.0", "room-pc", Choice.HOST_NAME)))
                .isEqualTo("dns:room-pc");
    }

    @Test
    void loopbackIsTheDefault() {
        assertThat(ListenAddress.LOOPBACK.loopbackOnly()).isTrue();
        assertThat(ListenAddress.of("127.0.0.2", null, NAMED).loopbackOnly()).isFalse();
    }
}
