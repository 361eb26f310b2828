package parkworld.pipeline.testsupport;

/** An address tests can use, what provides it, and how to stop it (nothing to stop for an existing endpoint). */
record RunningEndpoint(String address, String description, AutoCloseable stopper) {

    static RunningEndpoint existing(String address, String description) {
        return new RunningEndpoint(address, description, () -> { });
    }
}
