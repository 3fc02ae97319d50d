#!/usr/bin/env perl
# Harvests an OAI-PMH 2.0 repository with HTTP::OAI (CPAN; Debian libhttp-oai-perl), a third-party client
# used by EPrints and others, and prints what it understood as JSON, one object per line:
#   {"verb":"Identify", "repositoryName":…, "protocolVersion":…, "granularity":…, "deletedRecord":…}
#   {"verb":"ListRecords", "identifier":…, "datestamp":…, "deleted":0|1, "sets":[…], "titles":[…], "identifiers":[…], "creators":[…]}
#   {"verb":"done", "records":N, "pages":P, "completeListSize":S}
# Resumption tokens are followed by this script through HTTP::OAI (resume => 0 so that pages can be counted).
# Any OAI error or HTTP failure ends the harvest with exit code 2 and an {"error":…} line.
# usage: harvest-with-http-oai.pl <baseURL> <metadataPrefix> [set]
use strict;
use warnings;
use HTTP::OAI;
use HTTP::OAI::Metadata::OAI_DC;
use JSON::PP;

my ($base, $prefix, $set) = @ARGV;
die "usage: $0 <baseURL> <metadataPrefix> [set]\n" unless $base && $prefix;
my $json = JSON::PP->new->canonical;
my $h = HTTP::OAI::Harvester->new(baseURL => $base, resume => 0);
# oai_dc through the library's own Dublin Core reader; other formats as a DOM (HTTP::OAI::Metadata)
my %handlers = $prefix eq 'oai_dc' ? (handlers => {metadata => 'HTTP::OAI::Metadata::OAI_DC'}) : ();

sub fail {
    my ($what, $r) = @_;
    my @errors = map { $_->code . ': ' . $_->message } $r->errors;
    print $json->encode({error => $what, status => $r->code, message => $r->message, oai => \@errors}), "\n";
    exit 2;
}

my $id = $h->Identify;
fail('Identify', $id) if $id->is_error;
print $json->encode({verb => 'Identify', repositoryName => $id->repositoryName, protocolVersion => $id->protocolVersion,
    granularity => $id->granularity, deletedRecord => $id->deletedRecord, baseURL => $id->baseURL}), "\n";

my %args = (metadataPrefix => $prefix);
$args{set} = $set if $set;
my ($records, $pages, $size) = (0, 0, undef);
my $response = $h->ListRecords(%args, %handlers);
while (1) {
    fail('ListRecords', $response) if $response->is_error;
    $pages++;
    while (my $rec = $response->next) {
        $records++;
        my %out = (verb => 'ListRecords', identifier => $rec->identifier, datestamp => $rec->datestamp,
            deleted => $rec->is_deleted ? 1 : 0, sets => [$rec->header->setSpec]);
        if (!$rec->is_deleted && $rec->metadata && $rec->metadata->can('dc')) {
            my $dc = $rec->metadata->dc || {};
            $out{titles} = $dc->{title} || [];
            $out{identifiers} = $dc->{identifier} || [];
            $out{creators} = $dc->{creator} || [];
        } elsif (!$rec->is_deleted && $rec->metadata) {
            # oai_datacite: the DataCite kernel-4 resource inside the envelope, read from the DOM HTTP::OAI built
            my $xc = XML::LibXML::XPathContext->new($rec->metadata->dom);
            $xc->registerNs(datacite => 'http://datacite.org/schema/kernel-4');
            $out{titles} = [map { $_->textContent } $xc->findnodes('.//datacite:resource/datacite:titles/datacite:title')];
            $out{identifiers} = [map { $_->textContent } $xc->findnodes('.//datacite:resource/datacite:identifier')];
            $out{creators} = [map { $_->textContent } $xc->findnodes('.//datacite:resource/datacite:creators/datacite:creator/datacite:creatorName')];
        }
        print $json->encode(\%out), "\n";
    }
    my $token = $response->resumptionToken;
    last unless $token && defined $token->resumptionToken && length $token->resumptionToken;
    $size = $token->completeListSize if defined $token->completeListSize;
    $response = $h->ListRecords(resumptionToken => $token->resumptionToken, %handlers);
}
print $json->encode({verb => 'done', records => $records, pages => $pages, completeListSize => $size}), "\n";
