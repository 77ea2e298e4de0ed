// name: reporting-chain
// description: The REPORTS_TO paths from one body up to the apex (a body that reports to nothing
// further: usually the Party or the State). A body with several reporting lines has several
// paths. With as_of, links known not to be in force that day are left out and `status` says
// whether every link of the path was certainly in force (yes) or not all can be settled
// (unknown).
// param: body string = ministry-of-foreign-affairs -- a body id, English or Chinese name
// param: as_of date = null -- only links in force on this day (null: all links ever recorded)
MATCH (b) WHERE (b:Body OR b:Party OR b:State)
  AND (b.id = $body OR toLower(b.name) = toLower($body) OR b.name_zh = $body)
MATCH path = (b)-[:REPORTS_TO*1..8]->(top)
WHERE NOT EXISTS { MATCH (top)-[:REPORTS_TO]->() }
WITH b, path, [r IN relationships(path) | CASE
       WHEN $as_of IS NULL THEN 'all'
       WHEN r.certain_from <= date($as_of) < r.certain_until THEN 'yes'
       WHEN r.possible_from <= date($as_of) < r.possible_until THEN 'unknown'
       ELSE 'no'
     END] AS statuses
WHERE NOT 'no' IN statuses
RETURN b.name AS body, length(path) AS steps,
       reduce(s = b.name, n IN tail(nodes(path)) | s + ' -> ' + n.name) AS chain,
       [n IN nodes(path) | n.id] AS ids,
       CASE WHEN $as_of IS NULL THEN null
            WHEN all(s IN statuses WHERE s = 'yes') THEN 'yes' ELSE 'unknown' END AS status,
       reduce(acc = [], r IN relationships(path) | acc + r.sources) AS sources
ORDER BY steps, chain
