// name: era-compare
// description: For each of two leaders' tenures as general secretary: the bodies he chaired
// during it, how many (`bodies_chaired`; with lineage = true a body and its renamed/upgraded
// successors count once), when, and whom he took the chair over from, with the office that
// predecessor held it by (`predecessor_office`, e.g. Premier) - the chair of the same body, or
// of the body it was renamed or upgraded from.
// param: leader_a string = hu-jintao -- a person id or name
// param: leader_b string = xi-jinping -- a person id or name
// param: lineage bool = false -- count a body and its renamed/upgraded successors as one seat
UNWIND [$leader_a, $leader_b] AS wanted
MATCH (l:Person) WHERE l.id = wanted OR toLower(l.name) = toLower(wanted)
MATCH (l)-[g:MEMBER_OF {title: 'General Secretary'}]->(:Body {id: 'central-committee'})
WITH l, g, coalesce(g.end, date()) AS tenure_end
MATCH (l)-[c:CHAIRS]->(b:Body)
WHERE coalesce(c.start, g.start) < tenure_end
  AND (c.end_precision IS NULL OR c.end IS NULL OR c.end_latest > g.start)
CALL (b) {
  OPTIONAL MATCH (b)-[steps:REPLACED_BY*0..8]->(s:Body)
  WHERE all(x IN steps WHERE x.change IN ['renamed', 'upgraded'])
    AND NOT EXISTS { MATCH (s)-[x:REPLACED_BY]->() WHERE x.change IN ['renamed', 'upgraded'] }
  RETURN s.id AS successor LIMIT 1
}
CALL (l, b, c) {
  OPTIONAL MATCH (pb:Body)-[steps:REPLACED_BY*0..8]->(b)
  WHERE all(x IN steps WHERE x.change IN ['renamed', 'upgraded'])
  OPTIONAL MATCH (prev:Person)-[pc:CHAIRS]->(pb)
  WHERE prev <> l AND pc.start < c.start
  RETURN prev.name AS predecessor, pc.title AS predecessor_office, pc.period AS predecessor_period
  ORDER BY pc.start IS NULL, pc.start DESC LIMIT 1
}
WITH l, g, b, c, predecessor, predecessor_office, predecessor_period,
     CASE WHEN $lineage THEN successor ELSE b.id END AS seat
WITH l, g, collect({body: b.name, seat: seat, period: c.period, office: c.title,
                    predecessor: predecessor, predecessor_office: predecessor_office,
                    predecessor_period: predecessor_period, start: c.start}) AS rows
WITH l, g, rows, reduce(acc = [], x IN rows | CASE WHEN x.seat IN acc THEN acc
                                                ELSE acc + x.seat END) AS seats
UNWIND rows AS row
RETURN l.name AS leader, g.period AS tenure, size(seats) AS bodies_chaired, row.body AS body,
       row.period AS chaired, row.office AS chaired_as, row.predecessor AS predecessor,
       row.predecessor_office AS predecessor_office,
       row.predecessor_period AS predecessor_period
ORDER BY g.start, row.start, body
