package org.bioimagecatalog.harvester.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.bia.BioStudiesConnector;
import org.bioimagecatalog.harvester.datacite.DataciteRestConnector;
import org.bioimagecatalog.harvester.empiar.EmpiarConnector;
import org.bioimagecatalog.harvester.gide.GideRoCrateConnector;
import org.bioimagecatalog.harvester.idr.IdrStudyFileConnector;
import org.bioimagecatalog.harvester.idr.api.IdrOmeroApiConnector;
import org.bioimagecatalog.harvester.idr.api.OmeroApiServer;
import org.bioimagecatalog.harvester.oaipmh.DataciteXmlMapper;
import org.bioimagecatalog.harvester.oaipmh.InvalidRecordException;
import org.bioimagecatalog.harvester.oaipmh.OaiPmhConnector;
import org.bioimagecatalog.harvester.oaipmh.SafeXml;
import org.bioimagecatalog.harvester.replay.Cassette;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.PagedSourceConnector;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.harvester.zenodo.ZenodoRestConnector;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.testsupport.Fixtures;

/**
 * Every parser of the harvester, driven through its connector's public entry the way a run drives it: the file
 * connectors read a mutant written as a record file, the paged ones read it as a saved OAI-PMH page or as a JSON
 * page served over loopback HTTP, the DataCite XML mapper reads it directly.
 */
final class FuzzTargets {
    private static final PoliteHttpClient HTTP = ReplayHttp.client();

    private FuzzTargets() {}

    static FuzzTarget idrStudyFiles(Path work) {
        return files("idr-study-files", Mutator.Format.TEXT, new IdrStudyFileConnector(HTTP), work,
                seeds("idr/study-files", n -> n.endsWith("-study.txt")));
    }

    static FuzzTarget gideCrates(Path work) {
        List<Path> seeds = new ArrayList<>();
        for (String archive : List.of("idr", "bia", "empiar", "ssbd")) {
            seeds.addAll(seeds(archive + "/gide-ro-crate", n -> n.endsWith("ro-crate-metadata.json")));
        }
        return files("gide-ro-crate", Mutator.Format.JSON, new GideRoCrateConnector(HTTP), work, seeds);
    }

    static FuzzTarget bioStudies(Path work) {
        return files("biostudies", Mutator.Format.JSON, new BioStudiesConnector(HTTP), work,
                seeds("bia/biostudies-studies", n -> n.endsWith(".json")));
    }

    static FuzzTarget empiarJson(Path work) {
        return files("empiar-json", Mutator.Format.JSON, new EmpiarConnector(HTTP), work,
                seeds("empiar/api-entry-json-test-variants", n -> n.endsWith(".json")));
    }

    static FuzzTarget empiarXml(Path work) {
        return files("empiar-xml", Mutator.Format.XML, new EmpiarConnector(HTTP), work,
                seeds("empiar/entry-xml", n -> n.endsWith(".xml")));
    }

    /**
     * The IDR OMERO API connector on its saved answers (self-written: no IDR API answer is recorded): the mutant
     * replaces one listing page or one container's map annotations answer in a copy of the folder, and every study
     * of the folder is read, as a run reads a folder of saved answers.
     */
    static FuzzTarget idrOmeroApi(Path work) {
        Path answers = OmeroApiServer.testAnswers();
        List<Path> seeds;
        try (Stream<Path> files = Files.walk(answers)) {
            seeds = files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path copy = work.resolve("idr-api");
        IdrOmeroApiConnector connector = new IdrOmeroApiConnector(HTTP);
        return new Target("idr-omero-api", Mutator.Format.JSON, seeds) {
            @Override
            public Outcome run(byte[] mutant, Path seed, int index) throws Exception {
                for (Path original : seeds) {
                    write(copy.resolve(answers.relativize(original).toString()), Files.readAllBytes(original));
                }
                write(copy.resolve(answers.relativize(seed).toString()), mutant);
                SourceListing listing = connector.open(copy.toString());
                List<HarvestedItem> accepted = new ArrayList<>();
                List<String> rejections = new ArrayList<>();
                for (String entry : listing.entries()) {
                    try {
                        accepted.add(listing.read(entry));
                    } catch (RecordRejectedException e) {
                        rejections.add(e.reason());
                    }
                }
                return new Outcome(accepted, rejections);
            }
        };
    }

    /** The DataCite XML mapper (oai_datacite payloads) on the recorded DataCite XML documents. */
    static FuzzTarget dataciteXml() {
        List<Path> seeds = new ArrayList<>(seeds("datacite/metadata-xml", n -> n.endsWith(".xml")));
        seeds.addAll(seeds("oai-pmh/datacite-xml-payloads", n -> n.endsWith(".xml")));
        DataciteXmlMapper mapper = new DataciteXmlMapper();
        return new Target("datacite-xml", Mutator.Format.XML, seeds) {
            @Override
            public Outcome run(byte[] mutant, Path seed, int index) {
                try {
                    return new Outcome(List.of(new HarvestedItem("fuzz-" + index, "fuzz:" + index, mapper.map(mutant))),
                            List.of());
                } catch (SafeXml.MalformedXmlException | InvalidRecordException e) {
                    return new Outcome(List.of(), List.of(String.valueOf(e.getMessage())));
                }
            }
        };
    }

    /** Saved OAI-PMH ListRecords pages (oai_dc) from the recorded Zenodo cassette, read as a page folder. */
    static FuzzTarget oaiPmhPages(Path work) {
        Path cassette = Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/list_records.yaml");
        List<Path> seeds = new ArrayList<>();
        int n = 0;
        for (Cassette.Interaction i : Cassette.read(cassette).interactions()) {
            if (i.bodyText().contains("<ListRecords")) {
                seeds.add(write(work.resolve("seeds/list_records-" + (n++) + ".xml"), i.body()));
            }
        }
        OaiPmhConnector connector = new OaiPmhConnector(HTTP);
        return new Target("oai-pmh-pages", Mutator.Format.XML, seeds) {
            @Override
            public Outcome run(byte[] mutant, Path seed, int index) throws Exception {
                Path page = write(work.resolve("oai/page.xml"), mutant);
                return pages(connector.openPages(page.toString(), Optional.empty()));
            }
        };
    }

    static FuzzTarget dataciteRest(CassetteReplayServer server) {
        return jsonPages("datacite-rest", new DataciteRestConnector(HTTP), server, "/dois?page%5Bcursor%5D=1&fuzz=",
                seeds("datacite/rest-api-dois", n -> n.startsWith("dois-")));
    }

    static FuzzTarget zenodoRest(CassetteReplayServer server) {
        return jsonPages("zenodo-rest", new ZenodoRestConnector(HTTP), server,
                "/api/records?fuzz=", seeds("zenodo/legacy-rest-api", n -> n.endsWith("size20.json")));
    }

    private static FuzzTarget jsonPages(String name, PagedSourceConnector connector,
            CassetteReplayServer server, String path, List<Path> seeds) {
        return new Target(name, Mutator.Format.JSON, seeds) {
            @Override
            public Outcome run(byte[] mutant, Path seed, int index) throws Exception {
                server.add(path + index, new Answer(200, Map.of("Content-Type", "application/json"), mutant));
                PageReader pages = connector.openPages(server.baseUrl() + path + index, Optional.empty());
                return page(pages); // the first page only: its links.next leads to the recorded host
            }
        };
    }

    private static FuzzTarget files(String name, Mutator.Format format, SourceConnector connector, Path work,
            List<Path> seeds) {
        return new Target(name, format, seeds) {
            @Override
            public Outcome run(byte[] mutant, Path seed, int index) throws Exception {
                Path file = write(work.resolve(name).resolve(seed.getFileName().toString()), mutant);
                SourceListing listing = connector.open(file.toString());
                List<HarvestedItem> accepted = new ArrayList<>();
                List<String> rejections = new ArrayList<>();
                for (String entry : listing.entries()) {
                    try {
                        accepted.add(listing.read(entry));
                    } catch (RecordRejectedException e) {
                        rejections.add(e.reason());
                    }
                }
                Files.delete(file);
                return new Outcome(accepted, rejections);
            }
        };
    }

    private static FuzzTarget.Outcome pages(PageReader pages) throws Exception {
        List<HarvestedItem> accepted = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (FuzzTarget.Outcome page; (page = page(pages)) != null; ) {
            accepted.addAll(page.accepted());
            rejections.addAll(page.rejections());
        }
        return new FuzzTarget.Outcome(accepted, rejections);
    }

    /** One page: its records, or the page's own rejection (which ends a run after going to the dead-letter topic). */
    private static FuzzTarget.Outcome page(PageReader pages) throws Exception {
        List<PageEntry> entries;
        try {
            entries = pages.next();
        } catch (RecordRejectedException e) {
            return new FuzzTarget.Outcome(List.of(), List.of(e.reason()));
        }
        if (entries == null) {
            return null;
        }
        List<HarvestedItem> accepted = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (PageEntry entry : entries) {
            if (entry instanceof PageEntry.Harvested h) {
                accepted.add(h.item());
            } else if (entry instanceof PageEntry.Rejected r) {
                rejections.add(r.reason().reason());
            }
        }
        return new FuzzTarget.Outcome(accepted, rejections);
    }

    private static List<Path> seeds(String folder, Predicate<String> name) {
        try (Stream<Path> files = Files.walk(Fixtures.require(folder))) {
            return files.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private abstract static class Target implements FuzzTarget {
        private final String name;
        private final Mutator.Format format;
        private final List<Path> seeds;

        Target(String name, Mutator.Format format, List<Path> seeds) {
            this.name = name;
            this.format = format;
            this.seeds = seeds;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Mutator.Format format() {
            return format;
        }

        @Override
        public List<Path> seeds() {
            return seeds;
        }
    }
}
