# shellcheck shell=bash
# The chaos test's source: N synthetic DataCite records as saved OAI-PMH ListRecords pages (oai_datacite), the
# shape the oai-pmh connector harvests from a folder. Record i has the DOI 10.99999/chaos.i and a unique title;
# every even record names its article (IsSupplementTo 10.99998/paper.i), so the reuse tracker links N/2 datasets.
# Each page but the last ends with a <resumptionToken> naming the next page's file, so the replay server (bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java)
# serves the folder as a live OAI-PMH endpoint (read as a folder, the connector ignores the tokens).
# Usage (after common.sh): chaos_corpus DIR N [PAGE_SIZE]

chaos_corpus() {
  local dir=$1 n=$2 size=${3:-500}
  rm -rf "$dir"; mkdir -p "$dir"
  awk -v n="$n" -v size="$size" -v dir="$dir" '
    BEGIN {
      split("actin tubulin mitochondria nucleus chromatin membrane vesicle organoid zebrafish yeast neuron " \
            "embryo cilia spindle keratin collagen", words, " ")
      split("confocal light-sheet widefield electron cryo-EM super-resolution two-photon", methods, " ")
      for (i = 1; i <= n; i++) {
        if ((i - 1) % size == 0) {
          nextpage = sprintf("page-%06d.xml", int((i - 1) / size) + 1)
          if (file) { print "<resumptionToken>" nextpage "</resumptionToken></ListRecords></OAI-PMH>" > file; close(file) }
          file = dir "/" nextpage
          print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > file
          print "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z</responseDate>" > file
          print "<request verb=\"ListRecords\" metadataPrefix=\"oai_datacite\">chaos</request><ListRecords>" > file
        }
        w1 = words[(i % 16) + 1]; w2 = words[(int(i / 16) % 16) + 1]; m = methods[(i % 7) + 1]
        related = (i % 2 == 0) ? sprintf("<relatedIdentifiers><relatedIdentifier relatedIdentifierType=\"DOI\" " \
            "relationType=\"IsSupplementTo\">10.99998/paper.%d</relatedIdentifier></relatedIdentifiers>", i) : ""
        printf "<record><header><identifier>oai:chaos:%d</identifier><datestamp>2026-01-01</datestamp></header>" \
               "<metadata><resource xmlns=\"http://datacite.org/schema/kernel-4\">" \
               "<identifier identifierType=\"DOI\">10.99999/chaos.%d</identifier>" \
               "<creators><creator><creatorName>Tester, Chaos %d</creatorName></creator></creators>" \
               "<titles><title>Synthetic %s dataset %d: %s and %s</title></titles>" \
               "<publisher>BioImage Catalog chaos corpus</publisher><publicationYear>%d</publicationYear>" \
               "<resourceType resourceTypeGeneral=\"Dataset\">Image</resourceType>" \
               "<subjects><subject>%s</subject><subject>%s</subject></subjects>" \
               "<descriptions><description descriptionType=\"Abstract\">%s imaging of %s in record %d.</description></descriptions>" \
               "%s</resource></metadata></record>\n", \
               i, i, i % 97, m, i, w1, w2, 2000 + i % 26, w1, w2, m, w2, i, related > file
      }
      if (file) { print "</ListRecords></OAI-PMH>" > file; close(file) }
    }'
}
