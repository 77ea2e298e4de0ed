// name: lineage
// description: The chain of REPLACED_BY links around one body, both ways: what it came from and
// what it became (renamed, upgraded, merged, split, abolished), in date order, with sources.
// param: body string = central-foreign-affairs-lsg -- a body id, English or Chinese name
MATCH (b) WHERE (b:Body OR b:Party OR b:State)
  AND (b.id = $body OR toLower(b.name) = toLower($body) OR b.name_zh = $body)
MATCH (b)-[:REPLACED_BY*0..10]-(c)
WITH DISTINCT b, c
MATCH (c)-[r:REPLACED_BY]->(n)
WITH DISTINCT b, c, r, n
RETURN b.name AS asked, c.id AS from_id, c.name AS from_body, r.change AS change,
       r.date AS date, r.date_precision AS precision, n.id AS to_id, n.name AS to_body,
       r.confidence AS confidence, r.sources AS sources, r.dispute AS dispute
ORDER BY date, from_id
