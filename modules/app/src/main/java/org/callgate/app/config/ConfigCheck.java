package org.callgate.app.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.callgate.app.SuppressForbidden;

/**
 * {@code callgate config check}: validates a configuration file without starting anything, for
 * deployment scripts and for operators before a restart.
 *
 * <p>Exit code 0 and one summary line on standard output when the file is usable; exit code 2 and
 * one line per error on standard error when it is not (the first line is the
 * {@link ConfigException#getMessage()}). The IVR prompt files the file names are looked for too,
 * so a missing recording in one language is found before a caller hears silence.
 */
@SuppressForbidden("check-config reports on the terminal")
public final class ConfigCheck {

    /** The file is usable. */
    public static final int OK = 0;
    /** The file cannot be used; the reasons went to standard error. */
    public static final int INVALID = 2;

    private ConfigCheck() {}

    public static int run(Path file) {
        return run(file, System.out, System.err);
    }

    public static int run(Path file, PrintStream out, PrintStream err) {
        return run(file, Path.of(""), out, err);
    }

    /** {@link #run(Path, PrintStream, PrintStream)}, with a relative prompts-dir relative to {@code workingDir}. */
    static int run(Path file, Path workingDir, PrintStream out, PrintStream err) {
        try {
            out.println("OK: " + file + ": " + summary(ConfigLoader.load(file, workingDir)));
            return OK;
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            return INVALID;
        }
    }

    /**
     * {@code 4 service lines, sip udp+tcp on 127.0.0.1:5060, rtp 20000-29999, retention profile
     * default, purge daily at 03:00 Europe/Brussels}.
     */
    static String summary(CallgateConfig config) {
        int lines = config.serviceLines().size();
        SipConfig sip = config.sip();
        MediaConfig media = config.media();
        return lines + (lines == 1 ? " service line" : " service lines")
                + ", sip " + sip.transports().stream().map(Transport::toString).collect(Collectors.joining("+"))
                + " on " + hostPort(sip.listenAddress(), sip.port())
                + ", rtp " + media.rtpPortMin() + "-" + media.rtpPortMax()
                + ", retention profile " + config.store().retentionProfile()
                + ", purge daily at " + config.purge().dailyAt() + " "
                + config.purge().zone();
    }

    /** As written in the file: an operator compares it with the file, not with a canonical form. */
    private static String hostPort(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
