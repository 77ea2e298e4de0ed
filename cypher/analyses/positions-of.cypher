// name: positions-of
// description: Every post one person held, dated, with its sources, disputes and confidence.
// With as_of, only the posts not known to have ended or begun later than that day, with a
// `status` of yes (in force) or unknown (the dates cannot settle it).
// param: person string = xi-jinping -- a person id (xi-jinping), English name (Xi Jinping) or Chinese name
// param: as_of date = null -- only posts in force on this day (null: every post)
MATCH (p:Person)
WHERE p.id = $person OR toLower(p.name) = toLower($person) OR p.name_zh = $person
MATCH (p)-[r:CHAIRS|MEMBER_OF]->(b)
WITH p, r, b, CASE
       WHEN $as_of IS NULL THEN null
       WHEN date($as_of) < r.start OR date($as_of) >= r.end_latest THEN 'no'
       WHEN r.start_latest <= date($as_of) AND (r.end_precision IS NULL OR date($as_of) < r.end)
         THEN 'yes'
       ELSE 'unknown'
     END AS status
WHERE status IS NULL OR status <> 'no'
RETURN p.name AS person, b.id AS body_id, b.name AS body,
       CASE type(r) WHEN 'CHAIRS' THEN 'chair' ELSE r.role END AS role, r.title AS title,
       r.period AS period, status, r.confidence AS confidence, r.sources AS sources,
       r.dispute AS dispute, r.note AS note
ORDER BY r.start, body
