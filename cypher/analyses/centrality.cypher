// name: centrality
// description: Degree and betweenness of people in the person-body network of one day (posts
// certainly held that day at min_confidence or above; chairs and all kinds of membership
// count). `degree` is the number of bodies a person sits on; `betweenness` is the number of
// shortest paths between other nodes (people and bodies) that run through the person, each
// pair's paths sharing one unit; `betweenness_norm` divides it by the number of pairs of other
// nodes.
// param: as_of date = 2019-06-01 -- the day to look at
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
WITH date($as_of) AS d, {low: 1, medium: 2, high: 3}[$min_confidence] AS level
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
WHERE r.certain_from <= d < r.certain_until AND r.level >= level
WITH d, level, collect(DISTINCT p) AS people, collect(DISTINCT b) AS bodies
WITH d, level, people, people + bodies AS nodes
CALL (d, level, nodes) {
  UNWIND nodes AS s
  UNWIND nodes AS t
  WITH d, level, s, t WHERE elementId(s) < elementId(t)
  MATCH path = allShortestPaths((s)-[:CHAIRS|MEMBER_OF*..20]-(t))
  WHERE all(r IN relationships(path)
            WHERE r.certain_from <= d < r.certain_until AND r.level >= level)
  WITH s, t, collect(path) AS paths
  UNWIND paths AS path
  UNWIND nodes(path)[1..-1] AS v
  WITH v, s, t, size(paths) AS sigma, count(*) AS through
  RETURN v, sum(toFloat(through) / sigma) AS betweenness
}
WITH d, level, people, size(nodes) AS n, collect({node: v, score: betweenness}) AS scores
UNWIND people AS p
WITH d, level, p, n, head([x IN scores WHERE x.node = p | x.score]) AS score
RETURN p.id AS person_id, p.name AS person,
       COUNT { MATCH (p)-[r:CHAIRS|MEMBER_OF]->(b)
               WHERE r.certain_from <= d < r.certain_until AND r.level >= level
               RETURN DISTINCT b } AS degree,
       coalesce(score, 0.0) AS betweenness,
       CASE WHEN n > 2 THEN coalesce(score, 0.0) / ((n - 1) * (n - 2) / 2.0) ELSE 0.0 END
         AS betweenness_norm
ORDER BY betweenness DESC, degree DESC, person
