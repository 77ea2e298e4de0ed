// name: body-history
// description: Everyone recorded on one body over time - chairs first, then deputies, office
// directors, secretaries-general and members - in date order, with the office they held it
// by, their sources, confidence and any dispute the fact belongs to. Competing claims (the
// sources disagree on who or when) appear side by side with the same `dispute` id. `period`
// is what the row stated; `start` and `end` are its bounds after inference (positions-of
// says how each was narrowed).
// param: body string = central-financial-economic-affairs-lsg -- a body id, English or Chinese name
// param: role string = null -- only this role: chair, deputy, office_director, secretary_general, member (null: all)
MATCH (b) WHERE (b:Body OR b:Party OR b:State)
  AND (b.id = $body OR toLower(b.name) = toLower($body) OR b.name_zh = $body)
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
WITH b, p, r, CASE type(r) WHEN 'CHAIRS' THEN 'chair' ELSE r.role END AS role
WHERE $role IS NULL OR role = $role
RETURN b.name AS body, role, p.id AS person_id, p.name AS person, r.title AS held_as,
       r.period AS period, r.start_bounds AS start, r.end_bounds AS end,
       r.confidence AS confidence, r.dispute AS dispute, r.sources AS sources, r.note AS note
ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 WHEN 'office_director' THEN 2
                   WHEN 'secretary_general' THEN 3 ELSE 4 END,
         r.possible_from, r.certain_from, person
