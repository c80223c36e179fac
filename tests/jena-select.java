// SPARQL queries run by Apache Jena's ARQ over Turtle files, for tests/sparql-engines.ts: every
// query in one Java process (ARQ's command line, `jena arq`, takes one query a process, and starting
// Java and Jena costs some 1 s of CPU each time). Run through ../shared/tools/jena, which puts
// Debian's Jena on the class path, by Java's source-file mode:
//   jena tests/jena-select.java FILE.ttl… -- QUERY.rq…
// The files are read into one default graph, as `jena arq --data FILE…` reads them; each query is
// parsed with ARQ's syntax, as `jena arq` parses it, and its results are written as `--results=json`
// writes them: one SPARQL 1.1 JSON result a query, in order, as a JSON list.

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;

public class JenaSelect {
  public static void main(String[] args) throws Exception {
    List<String> all = Arrays.asList(args);
    int split = all.indexOf("--");
    if (split < 0) throw new IllegalArgumentException("usage: jena-select.java FILE… -- QUERY-FILE…");
    Model model = ModelFactory.createDefaultModel();
    for (String file : all.subList(0, split)) RDFDataMgr.read(model, file);
    OutputStream out = System.out;
    out.write("[".getBytes(StandardCharsets.UTF_8));
    List<String> queries = all.subList(split + 1, all.size());
    for (int i = 0; i < queries.size(); i++) {
      if (i > 0) out.write(",\n".getBytes(StandardCharsets.UTF_8));
      Query query = QueryFactory.create(Files.readString(Path.of(queries.get(i))), Syntax.syntaxARQ);
      try (QueryExecution execution = QueryExecutionFactory.create(query, model)) {
        if (query.isAskType()) ResultSetFormatter.outputAsJSON(out, execution.execAsk());
        else if (query.isSelectType()) ResultSetFormatter.outputAsJSON(out, execution.execSelect());
        else throw new IllegalArgumentException(queries.get(i) + ": neither SELECT nor ASK");
      }
    }
    out.write("]\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
