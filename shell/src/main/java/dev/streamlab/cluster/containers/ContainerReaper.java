package dev.streamlab.cluster.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes containers and networks that streamlab created: those of one cluster when it closes, and those
 * left behind by a streamlab process that is gone (killed with -9, crashed, power cut) when a new cluster starts.
 * Our stand-in for Testcontainers' Ryuk, whose image cannot be pulled without a registry.
 */
public final class ContainerReaper {

    private final DockerClient docker;

    public ContainerReaper(DockerClient docker) {
        this.docker = docker;
    }

    /** Removes everything whose owning process has died. Returns the names of the removed containers. */
    public List<String> reapLeftovers() {
        List<String> removed = new ArrayList<>();
        for (Container container : ourContainers()) {
            if (owner(container.getLabels()).map(Ownership::ownerIsGone).orElse(false)) {
                removeContainer(container.getId());
                removed.add(name(container));
            }
        }
        for (Network network : ourNetworks()) {
            if (owner(network.getLabels()).map(Ownership::ownerIsGone).orElse(false)) {
                removeNetwork(network.getId());
            }
        }
        return removed;
    }

    /** Removes every container and network of one cluster, running or not. */
    public void removeCluster(String cluster) {
        docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Ownership.CLUSTER, cluster))
                .exec()
                .forEach(c -> removeContainer(c.getId()));
        docker.listNetworksCmd()
                .withFilter("label", List.of(Ownership.CLUSTER + "=" + cluster))
                .exec()
                .forEach(n -> removeNetwork(n.getId()));
    }

    /** Every container streamlab created, running or not, whoever owns it. */
    public List<Container> ourContainers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(Ownership.OWNER_PID))
                .exec();
    }

    List<Network> ourNetworks() {
        return docker.listNetworksCmd()
                .withFilter("label", List.of(Ownership.OWNER_PID))
                .exec();
    }

    private static Optional<Ownership> owner(Map<String, String> labels) {
        return Ownership.fromLabels(labels);
    }

    private void removeContainer(String id) {
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException alreadyGone) {
            // Removed meanwhile, e.g. by Testcontainers' own shutdown hook.
        } catch (ConflictException beingRemoved) {
            // Docker is removing it already (the owner's own shutdown is still under way).
        }
    }

    private void removeNetwork(String id) {
        try {
            docker.removeNetworkCmd(id).exec();
        } catch (NotFoundException alreadyGone) {
            // Removed meanwhile.
        } catch (ConflictException stillInUse) {
            // Its containers are still being removed; the next start reaps it.
        }
    }

    private static String name(Container container) {
        String[] names = container.getNames();
        return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : container.getId();
    }
}
