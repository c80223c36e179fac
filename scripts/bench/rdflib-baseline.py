#!/usr/bin/python3
# The yardstick of issue 28's throughput budget: what a plain Python script with rdflib does with
# the same articles. For each <slug>.ttl of an export it parses the Turtle and writes the article
# as Turtle, JSON-LD and N-Triples into OUT, one article after another, on one thread. The export
# of the same articles, all seven formats, must take at most a quarter of this script's wall time.
#
#   /usr/bin/python3 scripts/bench/rdflib-baseline.py DIST OUT
#
# Debian's rdflib (apt-get install python3-rdflib; 6.1.1 on Debian 12), run with Debian's python3.

import os
import sys

import rdflib


def main() -> None:
    dist, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(dist) if n.endswith(".ttl") and not n.startswith("corpus."))
    triples = 0
    for name in names:
        slug = name[: -len(".ttl")]
        graph = rdflib.Graph()
        graph.parse(os.path.join(dist, name), format="turtle")
        triples += len(graph)
        graph.serialize(destination=os.path.join(out, slug + ".ttl"), format="turtle")
        graph.serialize(destination=os.path.join(out, slug + ".jsonld"), format="json-ld")
        graph.serialize(destination=os.path.join(out, slug + ".nt"), format="nt", encoding="utf-8")
    print(f"rdflib {rdflib.__version__}: {len(names)} articles, {triples} triples")


main()
