// name: era-compare
// description: For each of two leaders' tenures as general secretary: the bodies he may have
// chaired during it, how many (`bodies_chaired`; with lineage = true a body and its
// renamed/upgraded successors count once), when, and whom he took the chair over from, with
// the office that predecessor held it by (`predecessor_office`, e.g. Premier) - the chair of
// the same body, or of the body it was renamed or upgraded from. Posts below min_confidence
// are left out.
// param: leader_a string = hu-jintao -- a person id or name
// param: leader_b string = xi-jinping -- a person id or name
// param: lineage bool = false -- count a body and its renamed/upgraded successors as one seat
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
UNWIND [$leader_a, $leader_b] AS wanted
MATCH (l:Person) WHERE l.id = wanted OR toLower(l.name) = toLower(wanted)
MATCH (l)-[g:MEMBER_OF {title: 'General Secretary'}]->(:Body {id: 'central-committee'})
MATCH (l)-[c:CHAIRS]->(b:Body)
WHERE c.possible_from < g.possible_until AND g.possible_from < c.possible_until
  AND c.level >= {low: 1, medium: 2, high: 3}[$min_confidence]
CALL (l, b, c) {
  OPTIONAL MATCH (prev:Person)-[pc:CHAIRS]->(pb:Body {seat: b.seat})
  WHERE prev <> l AND pc.possible_from < c.possible_from
    AND pc.level >= {low: 1, medium: 2, high: 3}[$min_confidence]
  RETURN prev.name AS predecessor, pc.title AS predecessor_office, pc.period AS predecessor_period
  ORDER BY pc.possible_from DESC LIMIT 1
}
WITH l, g, b, c, predecessor, predecessor_office, predecessor_period,
     CASE WHEN $lineage THEN b.seat ELSE b.id END AS seat
WITH l, g, collect({body: b.name, seat: seat, period: c.period, office: c.title,
                    predecessor: predecessor, predecessor_office: predecessor_office,
                    predecessor_period: predecessor_period, start: c.possible_from}) AS rows
WITH l, g, rows, reduce(acc = [], x IN rows | CASE WHEN x.seat IN acc THEN acc
                                                ELSE acc + x.seat END) AS seats
UNWIND rows AS row
RETURN l.name AS leader, g.period AS tenure, size(seats) AS bodies_chaired, row.body AS body,
       row.period AS chaired, row.office AS chaired_as, row.predecessor AS predecessor,
       row.predecessor_office AS predecessor_office,
       row.predecessor_period AS predecessor_period
ORDER BY g.possible_from, row.start, body
