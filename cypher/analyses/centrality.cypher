// name: centrality
// description: Degree and betweenness of people in the person-body network of one day (posts
// certainly held that day at min_confidence or above; chairs and all kinds of membership
// count). `degree` is the number of bodies a person sits on and `bodies` lists them: this
// query is the projection. lsg-graph then adds `betweenness` (the number of shortest paths
// between other nodes, people and bodies, that run through the person, each pair's paths
// sharing one unit) and `betweenness_norm` (divided by the number of pairs of other nodes),
// computed with igraph: exact up to 20,000 nodes, estimated from 2,000 sampled sources above
// (`betweenness_method` says which). In Neo4j Browser the query gives degree and bodies.
// param: as_of date = 2019-06-01 -- the day to look at
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
// compute: betweenness -- adds betweenness, betweenness_norm and betweenness_method from person_id and bodies
WITH date($as_of) AS d, {low: 1, medium: 2, high: 3}[$min_confidence] AS level
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
WHERE r.certain_from <= d < r.certain_until AND r.level >= level
WITH p, collect(DISTINCT b.id) AS bodies
RETURN p.id AS person_id, p.name AS person, size(bodies) AS degree, bodies
ORDER BY degree DESC, person
