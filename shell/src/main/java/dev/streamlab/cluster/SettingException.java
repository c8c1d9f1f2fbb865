package dev.streamlab.cluster;

/**
 * A setting has a value streamlab cannot use (on the command line, in the environment or in the config file): the
 * user's to fix, like a wrong option, so front ends treat it as a usage error.
 */
public class SettingException extends ClusterException {

    public SettingException(String message) {
        super(message);
    }
}
