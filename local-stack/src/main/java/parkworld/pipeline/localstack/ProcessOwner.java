package parkworld.pipeline.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user a child process runs as. Usually the current user; but Elasticsearch refuses to run as root (and CI runs
 * as root), so under root it becomes a dedicated unprivileged system user, created on first use.
 */
final class ProcessOwner {

    static final String ELASTICSEARCH_USER = "parkworld-es";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final String user;
    private final String group;
    private final List<String> commandPrefix;

    private ProcessOwner(String user, String group, List<String> commandPrefix) {
        this.user = user;
        this.group = group;
        this.commandPrefix = commandPrefix;
    }

    static ProcessOwner forElasticsearch() {
        if (!RunningJvm.isRoot()) {
            return new ProcessOwner(null, null, List.of());
        }
        ensureSystemUser(ELASTICSEARCH_USER);
        String group = runOrFail(List.of(executable("id"), "-g", ELASTICSEARCH_USER)).output();
        return new ProcessOwner(ELASTICSEARCH_USER, group, switchUser(ELASTICSEARCH_USER, group));
    }

    /** {@code command}, run as this owner. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(commandPrefix);
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands {@code directory} and everything in it to this owner (nothing to do when that is the current user). */
    void takeOwnership(Path directory) {
        if (user != null) {
            runOrFail(List.of(executable("chown"), "-R", user + ":" + group, directory.toString()));
        }
    }

    String describe() {
        return user == null ? "the current user" : "unprivileged user " + user + " (the JVM runs as root)";
    }

    /** Concurrent builds may race to create the user: losing that race is fine. */
    private static synchronized void ensureSystemUser(String name) {
        if (userExists(name)) {
            return;
        }
        List<String> useradd = List.of(executable("useradd"), "--system", "--no-create-home",
                "--shell", "/usr/sbin/nologin", name);
        OneShotCommand.Result created = OneShotCommand.run(useradd, COMMAND_TIMEOUT);
        if (!created.succeeded() && !userExists(name)) {
            throw new IllegalStateException("Elasticsearch cannot run as root and creating the system user '" + name
                    + "' failed: " + created.output());
        }
    }

    private static boolean userExists(String name) {
        return OneShotCommand.run(List.of(executable("id"), "-u", name), COMMAND_TIMEOUT).succeeded();
    }

    /** setpriv switches user and then execs, so the process we hold is Elasticsearch's own; runuser is the fallback. */
    private static List<String> switchUser(String user, String group) {
        Optional<String> setpriv = find("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get(), "--reuid=" + user, "--regid=" + group, "--init-groups");
        }
        Optional<String> runuser = find("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get(), "-u", user, "--");
        }
        throw new IllegalStateException("Running as root, but neither setpriv nor runuser (util-linux) is installed "
                + "to start Elasticsearch as the unprivileged user '" + user + "'");
    }

    private static OneShotCommand.Result runOrFail(List<String> command) {
        OneShotCommand.Result result = OneShotCommand.run(command, COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
        }
        return result;
    }

    private static String executable(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("'" + name + "' not found on PATH or in "
                + SYSTEM_DIRECTORIES + "; it is needed to run Elasticsearch as an unprivileged user under root"));
    }

    /** Searches PATH and the sbin directories, which a non-login root shell may not have on PATH. */
    private static Optional<String> find(String name) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(SYSTEM_DIRECTORIES);
        return directories.stream()
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
