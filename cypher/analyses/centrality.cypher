// name: centrality
// description: Degree and betweenness of people in the person-body network of one day (posts
// certainly in force that day; chairs and all kinds of membership count). `degree` is the
// number of bodies a person sits on; `betweenness` is the number of shortest paths between
// other nodes (people and bodies) that run through the person, each pair's paths sharing one
// unit; `betweenness_norm` divides it by the number of pairs of other nodes.
// param: as_of date = 2019-06-01 -- the day to look at
WITH date($as_of) AS d
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
WHERE r.start_latest <= d AND (r.end_precision IS NULL OR d < r.end)
WITH d, collect(DISTINCT p) AS people, collect(DISTINCT b) AS bodies
WITH d, people, people + bodies AS nodes
CALL (d, nodes) {
  UNWIND nodes AS s
  UNWIND nodes AS t
  WITH d, s, t WHERE elementId(s) < elementId(t)
  MATCH path = allShortestPaths((s)-[:CHAIRS|MEMBER_OF*..20]-(t))
  WHERE all(r IN relationships(path)
            WHERE r.start_latest <= d AND (r.end_precision IS NULL OR d < r.end))
  WITH s, t, collect(path) AS paths
  UNWIND paths AS path
  UNWIND nodes(path)[1..-1] AS v
  WITH v, s, t, size(paths) AS sigma, count(*) AS through
  RETURN v, sum(toFloat(through) / sigma) AS betweenness
}
WITH d, people, size(nodes) AS n, collect({node: v, score: betweenness}) AS scores
UNWIND people AS p
WITH d, p, n, head([x IN scores WHERE x.node = p | x.score]) AS score
RETURN p.id AS person_id, p.name AS person,
       COUNT { MATCH (p)-[r:CHAIRS|MEMBER_OF]->(b)
               WHERE r.start_latest <= d AND (r.end_precision IS NULL OR d < r.end)
               RETURN DISTINCT b } AS degree,
       coalesce(score, 0.0) AS betweenness,
       CASE WHEN n > 2 THEN coalesce(score, 0.0) / ((n - 1) * (n - 2) / 2.0) ELSE 0.0 END
         AS betweenness_norm
ORDER BY betweenness DESC, degree DESC, person
