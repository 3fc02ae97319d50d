# Builds src/main/resources/vocab/taxa.tsv: python3 tools/build-taxa-table.py src/main/resources/vocab/taxa.tsv ../../shared/fixtures
# rows: id, name, rank, parent, common names ('|' separated)
import re, sys, html
N = {}
def t(i, name, rank, parent, common=''):
    assert str(i) not in N, i
    N[str(i)] = (name, rank, str(parent) if parent else None, common)
t(1,'root','no rank',None)
t(131567,'cellular organisms','no rank',1)
t(2759,'Eukaryota','superkingdom',131567,'eukaryotes')
t(2,'Bacteria','superkingdom',131567,'bacteria|eubacteria')
t(2157,'Archaea','superkingdom',131567,'archaea')
t(10239,'Viruses','superkingdom',1,'viruses')
# Opisthokonta
t(33154,'Opisthokonta','clade',2759)
t(33208,'Metazoa','kingdom',33154,'metazoans|animals')
t(6072,'Eumetazoa','clade',33208)
t(33213,'Bilateria','clade',6072)
t(33511,'Deuterostomia','clade',33213)
t(7711,'Chordata','phylum',33511,'chordates')
t(89593,'Craniata','subphylum',7711)
t(7742,'Vertebrata','clade',89593,'vertebrates')
t(7776,'Gnathostomata','clade',7742)
t(117570,'Teleostomi','clade',7776)
t(117571,'Euteleostomi','clade',117570)
t(7898,'Actinopterygii','class',117571,'ray-finned fishes')
t(32443,'Teleostei','infraclass',7898,'teleost fishes')
t(7955,'Danio rerio','species',32443,'zebrafish|zebra fish|zebra danio')
t(8089,'Oryzias','genus',32443)
t(8090,'Oryzias latipes','species',8089,'Japanese medaka|medaka')
t(105023,'Nothobranchius furzeri','species',32443,'turquoise killifish')
t(8287,'Sarcopterygii','superclass',117571)
t(1338369,'Dipnotetrapodomorpha','clade',8287)
t(32523,'Tetrapoda','clade',1338369,'tetrapods')
t(8292,'Amphibia','class',32523,'amphibians')
t(8342,'Anura','order',8292,'frogs and toads')
t(8353,'Xenopus','genus',8342)
t(8355,'Xenopus laevis','species',8353,'African clawed frog|frog')
t(8364,'Xenopus tropicalis','species',8353,'tropical clawed frog|western clawed frog')
t(32524,'Amniota','clade',32523,'amniotes')
t(40674,'Mammalia','class',32524,'mammals')
t(32525,'Theria','clade',40674)
t(9347,'Eutheria','clade',32525,'placental mammals')
t(1437010,'Boreoeutheria','clade',9347)
t(314146,'Euarchontoglires','superorder',1437010)
t(9443,'Primates','order',314146,'primates')
t(376913,'Haplorrhini','suborder',9443)
t(314293,'Simiiformes','infraorder',376913)
t(9526,'Catarrhini','parvorder',314293)
t(9527,'Cercopithecidae','family',9526,'Old World monkeys')
t(9539,'Macaca','genus',9527,'macaques')
t(9544,'Macaca mulatta','species',9539,'rhesus monkey|rhesus macaque')
t(9541,'Macaca fascicularis','species',9539,'crab-eating macaque|cynomolgus monkey')
t(9534,'Chlorocebus aethiops','species',9527,'grivet|African green monkey')
t(60711,'Chlorocebus sabaeus','species',9527,'green monkey')
t(314295,'Hominoidea','superfamily',9526,'apes')
t(9604,'Hominidae','family',314295,'great apes')
t(207598,'Homininae','subfamily',9604)
t(9605,'Homo','genus',207598)
t(9606,'Homo sapiens','species',9605,'human|humans')
t(314147,'Glires','clade',314146,'rodents and rabbits')
t(9989,'Rodentia','order',314147,'rodents')
t(10066,'Muridae','family',9989)
t(39107,'Murinae','subfamily',10066)
t(10088,'Mus','genus',39107,'mice')
t(10090,'Mus musculus','species',10088,'house mouse|mouse')
t(10096,'Mus spretus','species',10088,'western wild mouse')
t(10114,'Rattus','genus',39107)
t(10116,'Rattus norvegicus','species',10114,'Norway rat|brown rat|rat')
t(337677,'Cricetidae','family',9989)
t(10028,'Cricetulus','genus',337677)
t(10029,'Cricetulus griseus','species',10028,'Chinese hamster')
t(9975,'Lagomorpha','order',314147,'rabbits and hares')
t(9986,'Oryctolagus cuniculus','species',9975,'rabbit|European rabbit')
t(314145,'Laurasiatheria','superorder',1437010)
t(33554,'Carnivora','order',314145,'carnivores')
t(379584,'Caniformia','suborder',33554)
t(9608,'Canidae','family',379584)
t(9611,'Canis','genus',9608)
t(9612,'Canis lupus','species',9611,'gray wolf')
t(9615,'Canis lupus familiaris','subspecies',9612,'dog|dogs|domestic dog')
t(379583,'Feliformia','suborder',33554)
t(9681,'Felidae','family',379583)
t(338152,'Felinae','subfamily',9681)
t(9682,'Felis','genus',338152)
t(9685,'Felis catus','species',9682,'domestic cat|cat')
t(91561,'Artiodactyla','order',314145,'even-toed ungulates & whales')
t(9903,'Bos','genus',91561)
t(9913,'Bos taurus','species',9903,'cattle|cow|bovine')
t(30521,'Bos grunniens','species',9903,'domestic yak|yak')
t(9823,'Sus scrofa','species',91561,'pig|wild boar')
t(8457,'Sauropsida','clade',32524,'sauropsids')
t(8782,'Aves','class',8457,'birds')
t(9031,'Gallus gallus','species',8782,'chicken')
t(93934,'Coturnix japonica','species',8782,'Japanese quail')
t(8509,'Squamata','order',8457,'squamates')
t(8565,'Gekko','genus',8509)
t(7712,'Tunicata','subphylum',7711,'tunicates')
t(1774208,'Ciona robusta','species',7712)
t(7586,'Echinodermata','phylum',33511,'echinoderms')
t(7656,'Paracentrotus lividus','species',7586,'common urchin')
t(33317,'Protostomia','clade',33213)
t(1206794,'Ecdysozoa','clade',33317)
t(88770,'Panarthropoda','clade',1206794)
t(6656,'Arthropoda','phylum',88770,'arthropods')
t(197563,'Mandibulata','clade',6656)
t(197562,'Pancrustacea','clade',197563)
t(35525,'Daphnia magna','species',197562,'water flea')
t(6960,'Hexapoda','subphylum',197562,'hexapods')
t(50557,'Insecta','class',6960,'insects')
t(85512,'Dicondylia','clade',50557)
t(7496,'Pterygota','subclass',85512,'winged insects')
t(33340,'Neoptera','infraclass',7496)
t(33392,'Endopterygota','cohort',33340)
t(7147,'Diptera','order',33392,'flies')
t(7214,'Drosophilidae','family',7147)
t(7215,'Drosophila','genus',7214,'fruit flies')
t(7227,'Drosophila melanogaster','species',7215,'fruit fly|fly')
t(7041,'Coleoptera','order',33392,'beetles')
t(7070,'Tribolium castaneum','species',7041,'red flour beetle')
t(273928,'Trypoxylus dichotomus','species',7041,'Japanese rhinoceros beetle')
t(7399,'Hymenoptera','order',33392)
t(7460,'Apis mellifera','species',7399,'honey bee|honeybee')
t(7088,'Lepidoptera','order',33392,'butterflies and moths')
t(6231,'Nematoda','phylum',1206794,'nematodes|roundworms')
t(6237,'Caenorhabditis','genus',6231)
t(6239,'Caenorhabditis elegans','species',6237,'worm')
t(6238,'Caenorhabditis briggsae','species',6237)
t(2697495,'Spiralia','clade',33317)
t(1206795,'Lophotrochozoa','clade',2697495)
t(6340,'Annelida','phylum',1206795,'segmented worms')
t(6359,'Platynereis dumerilii','species',6340,"Dumeril's clam worm")
t(6447,'Mollusca','phylum',1206795,'molluscs')
t(6157,'Platyhelminthes','phylum',2697495,'flatworms')
t(79327,'Schmidtea mediterranea','species',6157)
t(1641631,'Notocomplana humilis','species',6157)
t(6073,'Cnidaria','phylum',6072,'cnidarians')
t(6101,'Anthozoa','class',6073)
t(45351,'Nematostella vectensis','species',6101,'starlet sea anemone')
t(6074,'Hydrozoa','class',6073,'hydrozoans')
t(6087,'Hydra vulgaris','species',6074,'swiftwater hydra')
t(662077,'Coryne uchidai','species',6074)
# Fungi
t(4751,'Fungi','kingdom',33154,'fungi')
t(451864,'Dikarya','subkingdom',4751)
t(4890,'Ascomycota','phylum',451864,'ascomycete fungi')
t(4891,'Saccharomycetes','class',4890)
t(4930,'Saccharomyces','genus',4891)
t(4932,'Saccharomyces cerevisiae','species',4930,"baker's yeast|budding yeast|yeast")
t(559292,'Saccharomyces cerevisiae S288C','strain',4932)
t(5476,'Candida albicans','species',4891)
t(4895,'Schizosaccharomyces','genus',4890)
t(4896,'Schizosaccharomyces pombe','species',4895,'fission yeast')
t(5204,'Basidiomycota','phylum',451864,'basidiomycete fungi')
# other eukaryotes
t(554915,'Amoebozoa','clade',2759,'amoebozoans')
t(5782,'Dictyostelium','genus',554915)
t(44689,'Dictyostelium discoideum','species',5782,'slime mold')
t(2698737,'Sar','clade',2759)
t(33630,'Alveolata','clade',2698737,'alveolates')
t(5794,'Apicomplexa','phylum',33630,'apicomplexans')
t(5820,'Plasmodium','genus',5794)
t(5833,'Plasmodium falciparum','species',5820,'malaria parasite P. falciparum')
t(36329,'Plasmodium falciparum 3D7','isolate',5833)
t(5811,'Toxoplasma gondii','species',5794)
t(2864,'Dinophyceae','class',33630,'dinoflagellates')
t(33634,'Stramenopiles','clade',2698737,'heterokonts')
t(2608109,'Haptista','clade',2759)
t(2830,'Haptophyta','phylum',2608109,'haptophytes')
t(33657,'Phaeocystis antarctica','species',2830)
t(2763,'Rhodophyta','clade',2759,'red algae')
t(45157,'Cyanidioschyzon merolae','species',2763)
# plants
t(33090,'Viridiplantae','kingdom',2759,'green plants')
t(3041,'Chlorophyta','phylum',33090,'green algae')
t(3055,'Chlamydomonas reinhardtii','species',3041)
t(2578421,'Sanguina nivaloides','species',3041)
t(35493,'Streptophyta','phylum',33090)
t(131221,'Streptophytina','subphylum',35493)
t(3193,'Embryophyta','clade',131221,'land plants')
t(3195,'Marchantiophyta','phylum',3193,'liverworts')
t(3208,'Bryophyta','phylum',3193,'mosses')
t(3218,'Physcomitrium patens','species',3208)
t(58023,'Tracheophyta','clade',3193,'vascular plants')
t(78536,'Euphyllophyta','clade',58023)
t(58024,'Spermatophyta','clade',78536,'seed plants')
t(3337,'Pinus','genus',58024,'pines')
t(3398,'Magnoliopsida','class',58024,'flowering plants')
t(1437183,'Mesangiospermae','clade',3398)
t(4447,'Liliopsida','class',1437183,'monocots')
t(4479,'Poaceae','family',4447,'grasses')
t(4530,'Oryza sativa','species',4479,'rice')
t(39947,'Oryza sativa Japonica Group','no rank',4530,'Japanese rice')
t(4577,'Zea mays','species',4479,'maize|corn')
t(4679,'Allium cepa','species',4447,'onion')
t(35875,'Allium fistulosum','species',4447,'Welsh onion')
t(71240,'eudicotyledons','clade',1437183,'eudicots')
t(91827,'Gunneridae','clade',71240)
t(1437201,'Pentapetalae','clade',91827)
t(71275,'rosids','clade',1437201)
t(91836,'malvids','clade',71275)
t(3699,'Brassicales','order',91836)
t(3700,'Brassicaceae','family',3699,'mustard family')
t(3701,'Arabidopsis','genus',3700)
t(3702,'Arabidopsis thaliana','species',3701,'thale cress|thale-cress|mouse-ear cress')
t(3719,'Capsella bursa-pastoris','species',3700,"shepherd's purse")
t(50463,'Cardamine hirsuta','species',3700,'hairy bittercress')
t(29727,'Eruca vesicaria subsp. sativa','subspecies',3700,'rocket salad')
t(91835,'fabids','clade',71275)
t(3803,'Fabaceae','family',91835,'legumes')
t(3847,'Glycine max','species',3803,'soybean|soybeans')
t(3659,'Cucumis sativus','species',91835,'cucumber')
t(71274,'asterids','clade',1437201)
t(4070,'Solanaceae','family',71274,'nightshade family')
t(4097,'Nicotiana tabacum','species',4070,'common tobacco|tobacco')
t(4100,'Nicotiana benthamiana','species',4070)
t(4081,'Solanum lycopersicum','species',4070,'tomato')
t(4037,'Apiaceae','family',71274,'carrot family')
t(79200,'Daucus carota subsp. sativus','subspecies',4037,'carrot')
t(4047,'Coriandrum sativum','species',4037,'coriander')
# bacteria
t(1224,'Pseudomonadota','phylum',2,'proteobacteria')
t(1236,'Gammaproteobacteria','class',1224)
t(561,'Escherichia','genus',1236)
t(562,'Escherichia coli','species',561,'E. coli')
t(83333,'Escherichia coli K-12','strain',562)
t(666,'Vibrio cholerae','species',1236)
t(28211,'Alphaproteobacteria','class',1224)
t(155892,'Caulobacter vibrioides','species',28211)
t(1239,'Bacillota','phylum',2)
t(1423,'Bacillus subtilis','species',1239)
t(1280,'Staphylococcus aureus','species',1239)
t(201174,'Actinomycetota','phylum',2)
t(1773,'Mycobacterium tuberculosis','species',201174)
t(203682,'Planctomycetota','phylum',2)
t(114,'Gemmata obscuriglobus','species',203682)
t(692036,'Tuwongella immobilis','species',203682)
t(1117,'Cyanobacteriota','phylum',2,'cyanobacteria|blue-green algae')
# viruses
t(2559587,'Riboviria','realm',10239)
t(2697049,'Severe acute respiratory syndrome coronavirus 2','no rank',2559587,'SARS-CoV-2')
t(11676,'Human immunodeficiency virus 1','species',2559587,'HIV-1')
t(10298,'Human alphaherpesvirus 1','species',10239,'Herpes simplex virus type 1|herpes simplex virus 1|HSV-1')
# liverworts in idr0134: names paired with NCBITaxon ids by the study file (Term Source REF NCBITaxon)
LIVERWORTS = """264775 Diplophyllum albicans
2212631 Diplophyllum obtusatum
248354 Diplophyllum obtusifolium
248355 Diplophyllum taxifolium
248357 Douinia ovata
464313 Scapania aequiloba
537844 Scapania apiculata
399155 Scapania aspera
537846 Scapania calcicola
402640 Scapania compacta
248358 Scapania crassiretis
537847 Scapania curta
537849 Scapania glaucocephala
264776 Scapania gracilis
537850 Scapania gymnostomophila
537851 Scapania helvetica
402139 Scapania hyperborea
537852 Scapania irrigua
537853 Scapania kaurinii
1230444 Scapania ligulifolia
402641 Scapania lingulata
537854 Scapania mucronata
41848 Scapania nemorea
1133313 Scapania nimbosa
402140 Scapania obcordata
1282292 Scapania obscura
264777 Scapania ornithopodioides
209818 Scapania paludicola
537855 Scapania paludosa
1133317 Scapania scandica
537857 Scapania simmonsii
537858 Scapania sphaerifera
537859 Scapania spitsbergensis
248359 Scapania subalpina
537860 Scapania tundrae
537861 Scapania uliginosa
537862 Scapania umbrosa
215256 Scapania undulata
537863 Scapania verrucosa
129944 Riccia glauca
122646 Riccia sorocarpa
56931 Lunularia cruciata"""
for line in LIVERWORTS.splitlines():
    i, name = line.split(' ', 1)
    t(int(i), name, 'species', 3195)

# lineages recorded in ../shared/fixtures/taxonomy/ncbi-eutils (efetch LineageEx) replace the computed ones
REC = {}
base = sys.argv[2] + '/taxonomy/ncbi-eutils/'  # the ../shared/fixtures folder
for f in ['taxize-classification_passing_id.yml', 'biopython-efetch-taxonomy-9615-9685.xml']:
    s = open(base + f).read()
    for m in re.finditer(r'<Taxon>\s*<TaxId>(\d+)</TaxId>.*?<LineageEx>(.*?)</LineageEx>', s, re.S):
        REC[m.group(1)] = [(a, html.unescape(b)) for a, b, c in re.findall(
            r'<TaxId>(\d+)</TaxId>\s*<ScientificName>([^<]*)</ScientificName>\s*<Rank>([^<]*)</Rank>', m.group(2))]

def lineage(i):
    if i in REC:
        return REC[i]
    out = []
    p = N[i][2]
    while p and p != '1':
        out.append((p, N[p][0]))
        p = N[p][2]
    return list(reversed(out))

SYN = {'9615': 'Canis familiaris', '9534': 'Cercopithecus aethiops', '3218': 'Physcomitrella patens',
       '155892': 'Caulobacter crescentus', '1224': 'Proteobacteria', '1239': 'Firmicutes', '201174': 'Actinobacteria',
       '203682': 'Planctomycetes', '1117': 'Cyanobacteria', '10298': 'Herpes simplex virus 1|Human herpesvirus 1'}
names = {}
for i, (name, rank, parent, common) in N.items():
    k = name.lower()
    assert k not in names, name
    names[k] = i
with open(sys.argv[1], 'w') as out:
    out.write('# NCBI Taxonomy subset for the BioImage Catalog; see taxa.PROVENANCE.md. Columns: id, scientific name, rank, '
              'common names (|), synonyms (|), lineage from the root down (id:name|...), lineage source (recorded = NCBI efetch LineageEx '
              'recording, curated = major clades written by hand)\n')
    out.write('id\tscientific_name\trank\tcommon_names\tsynonyms\tlineage\tlineage_source\n')
    for i, (name, rank, parent, common) in sorted(N.items(), key=lambda e: int(e[0])):
        lin = lineage(i)
        for a, b in lin:
            assert '|' not in b and ':' not in b
        out.write('\t'.join([i, name, rank, common, SYN.get(i, ''), '|'.join(a + ':' + b for a, b in lin),
                             'recorded' if i in REC else 'curated']) + '\n')
print(len(N), 'taxa;', 'recorded lineages:', sorted(REC))
