// name: interlocks
// description: Who sits on several bodies at once, and which bodies share members, on one day.
// Rows of kind 'person' name a person (`a`) on at least min_bodies bodies (`b` lists them);
// rows of kind 'pair' name two bodies (`a`, `b`) sharing at least one member, listed in
// `shared`. Chairs, deputies, office directors and members all count; only posts certainly
// held that day, at min_confidence or above, are used.
// param: as_of date = 2019-06-01 -- the day to look at
// param: min_bodies int = 3 -- the fewest bodies for a person row
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
WITH date($as_of) AS d
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
WHERE r.certain_from <= d < r.certain_until
  AND r.level >= {low: 1, medium: 2, high: 3}[$min_confidence]
  AND (b:Body OR b:Party OR b:State)
WITH p, collect(DISTINCT b) AS bodies
CALL (p, bodies) {
  WITH p, bodies WHERE size(bodies) >= $min_bodies
  RETURN 'person' AS kind, p.name AS a, reduce(s = '', x IN bodies |
           s + CASE WHEN s = '' THEN '' ELSE '; ' END + x.name) AS b,
         size(bodies) AS count, null AS person
  UNION ALL
  UNWIND bodies AS x
  UNWIND bodies AS y
  WITH p, x, y WHERE x.name < y.name
  RETURN 'pair' AS kind, x.name AS a, y.name AS b, 1 AS count, p.name AS person
}
WITH kind, a, b, sum(count) AS count, collect(person) AS shared
RETURN kind, a, b, CASE kind WHEN 'person' THEN count ELSE size(shared) END AS count, shared
ORDER BY kind DESC, count DESC, a, b
