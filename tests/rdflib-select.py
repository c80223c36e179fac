# SPARQL SELECT queries run by Python's rdflib over Turtle files, for tests/sparql-engines.ts: reads
# {"files": [...], "queries": [...]} as JSON on stdin and writes a JSON list with each query's
# SPARQL 1.1 JSON results, in order. The files are loaded once into one graph, as a user would.
import json
import sys

import rdflib

request = json.load(sys.stdin)
graph = rdflib.Graph()
for path in request["files"]:
    graph.parse(path, format="turtle")
answers = [json.loads(graph.query(query).serialize(format="json")) for query in request["queries"]]
json.dump(answers, sys.stdout)
