// name: positions-of
// description: Every post one person held, with its bounds: `start` and `end` as the data
// and the inference rules bound them (`2013-03-16`, `2013-06-01..2013-07-08`, `..2018-05-15`,
// `present`, `unknown`), `stated` as the row gave them, and `inferred` saying which rule
// narrowed which bound and from what facts; with sources, confidence and dispute. With as_of,
// only the posts that may have been held that day, with a `status`: yes (certainly),
// disputed (competing claims disagree) or unknown (the dates cannot settle it).
// param: person string = xi-jinping -- a person id (xi-jinping), English name (Xi Jinping) or Chinese name
// param: as_of date = null -- only posts that may have been held on this day (null: every post)
MATCH (p:Person)
WHERE p.id = $person OR toLower(p.name) = toLower($person) OR p.name_zh = $person
MATCH (p)-[r:CHAIRS|MEMBER_OF]->(b)
WITH p, r, b, CASE
       WHEN $as_of IS NULL THEN null
       WHEN r.certain_from <= date($as_of) < r.certain_until THEN 'yes'
       WHEN r.possible_from <= date($as_of) < r.possible_until THEN r.doubt
       ELSE 'no'
     END AS status
WHERE status IS NULL OR status <> 'no'
RETURN p.name AS person, b.id AS body_id, b.name AS body,
       CASE type(r) WHEN 'CHAIRS' THEN 'chair' ELSE r.role END AS role, r.title AS title,
       r.start_bounds AS start, r.end_bounds AS end, r.period AS stated, status, r.inferred AS inferred,
       r.confidence AS confidence, r.sources AS sources, r.dispute AS dispute, r.note AS note
ORDER BY r.possible_from, r.certain_from, body
