package org.bioimagecatalog.harvester.run;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.HarvesterConfig;

/**
 * The sources this harvester knows: every {@code bic.harvester.sources.<name>} entry, joined to the connector
 * its {@code type} names. A source whose type no connector handles fails the start-up, not a run hours later.
 */
@ApplicationScoped
public class HarvestSources {
    private final Map<String, HarvestSource> byName = new TreeMap<>();

    @Inject
    public HarvestSources(HarvesterConfig config, @All List<SourceConnector> connectors) {
        Map<String, SourceConnector> byType = connectors.stream()
                .collect(Collectors.toMap(SourceConnector::type, Function.identity()));
        config.sources().forEach((name, source) -> {
            SourceConnector connector = byType.get(source.type());
            if (connector == null) {
                throw new IllegalStateException("bic.harvester.sources." + name + ".type=" + source.type()
                        + " names no connector; known types: " + String.join(", ", new TreeMap<>(byType).keySet()));
            }
            String archive = source.archive().map(String::strip).filter(a -> !a.isEmpty())
                    .orElseGet(() -> connector.archiveFor(name));
            byName.put(name, new HarvestSource(name, source.type(), archive,
                    source.location().map(String::strip).filter(l -> !l.isEmpty()), connector));
        });
    }

    public List<HarvestSource> all() {
        return List.copyOf(byName.values());
    }

    public HarvestSource require(String name) {
        HarvestSource source = name == null ? null : byName.get(name.strip());
        if (source == null) {
            throw new UnknownSourceException(name, byName.keySet());
        }
        return source;
    }
}
