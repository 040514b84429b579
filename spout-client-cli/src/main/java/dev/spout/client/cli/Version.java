package dev.spout.client.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version in the jar's manifest, or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return new String[] {"spout-client " + (version == null ? "(development build)" : version)};
    }
}
