// The baseline the scale benchmark measures lsg-graph against: the best a Cypher user writes
// by hand to load the same lsg-csv files - LOAD CSV from the server's import folder, batched
// with CALL { ... } IN TRANSACTIONS, MERGE on the same keys the loader's constraints index.
// It stores the cells as text and does none of the loader's work (validation, typed dates,
// inference, derived properties, provenance of datasets). Statements end with ';'.
LOAD CSV WITH HEADERS FROM 'file:///sources.csv' AS row
CALL (row) {
  MERGE (s:Source {id: row.id})
  SET s.title = row.title, s.url = row.url, s.kind = row.kind
} IN TRANSACTIONS OF 5000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///persons.csv' AS row
CALL (row) {
  MERGE (p:Person {id: row.id})
  SET p.name = row.name, p.born = row.born, p.died = row.died,
      p.sources = split(row.sources, ';')
} IN TRANSACTIONS OF 5000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///bodies.csv' AS row
CALL (row) {
  MERGE (b:Body {id: row.id})
  SET b.name = row.name, b.kind = row.kind, b.system = row.system,
      b.portfolio = split(row.portfolio, ';'), b.established = row.established,
      b.sources = split(row.sources, ';')
} IN TRANSACTIONS OF 5000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///positions.csv' AS row
WITH row WHERE row.role = 'chair'
CALL (row) {
  MATCH (p:Person {id: row.person_id})
  MATCH (b:Body {id: row.body_id})
  MERGE (p)-[r:CHAIRS {key: row.person_id + '|' + row.body_id + '|' + coalesce(row.title, '')
                           + '|' + row.start + '|' + coalesce(row.end, '')}]->(b)
  SET r.title = row.title, r.start = row.start, r.end = row.end,
      r.confidence = row.confidence, r.sources = split(row.sources, ';'),
      r.dispute = row.dispute
} IN TRANSACTIONS OF 5000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///positions.csv' AS row
WITH row WHERE row.role <> 'chair'
CALL (row) {
  MATCH (p:Person {id: row.person_id})
  MATCH (b:Body {id: row.body_id})
  MERGE (p)-[r:MEMBER_OF {key: row.person_id + '|' + row.body_id + '|' + row.role + '|'
                              + coalesce(row.title, '') + '|' + row.start + '|'
                              + coalesce(row.end, '')}]->(b)
  SET r.role = row.role, r.title = row.title, r.start = row.start, r.end = row.end,
      r.confidence = row.confidence, r.sources = split(row.sources, ';'),
      r.dispute = row.dispute
} IN TRANSACTIONS OF 5000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///body_links.csv' AS row
WITH row WHERE row.type = 'REPORTS_TO'
CALL (row) {
  MATCH (a:Body {id: row.from_id})
  MATCH (b:Body {id: row.to_id})
  MERGE (a)-[r:REPORTS_TO {key: row.from_id + '|' + row.to_id + '|' + row.start}]->(b)
  SET r.start = row.start, r.end = row.end, r.sources = split(row.sources, ';')
} IN TRANSACTIONS OF 5000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///body_links.csv' AS row
WITH row WHERE row.type = 'REPLACED_BY'
CALL (row) {
  MATCH (a:Body {id: row.from_id})
  MATCH (b:Body {id: row.to_id})
  MERGE (a)-[r:REPLACED_BY {key: row.from_id + '|' + row.to_id + '|' + row.start}]->(b)
  SET r.start = row.start, r.change = row.change, r.sources = split(row.sources, ';')
} IN TRANSACTIONS OF 5000 ROWS;
