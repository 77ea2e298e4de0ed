// name: chair-count
// description: Who chairs how many bodies on a date, most first. `chairs` counts the bodies a
// person certainly chaired that day; `undecided` counts those the dates cannot settle (a chair
// known only to the year, or with an unknown start or end), listed in `undecided_bodies`.
// With lineage = true a body and the bodies it was renamed or upgraded into count as one seat
// (the Foreign Affairs LSG and the Foreign Affairs Commission are one seat).
// param: as_of date = 2019-06-01 -- the day to look at (YYYY-MM-DD)
// param: portfolio string = null -- only bodies with this portfolio, e.g. 'foreign affairs' (null: all)
// param: lineage bool = false -- count a body and its renamed/upgraded successors as one seat
WITH date($as_of) AS d
MATCH (p:Person)-[r:CHAIRS]->(b:Body)
WHERE $portfolio IS NULL OR $portfolio IN b.portfolio
WITH p, b,
     CASE
       WHEN d < r.start OR d >= r.end_latest THEN 'no'
       WHEN r.start_latest <= d AND (r.end_precision IS NULL OR d < r.end) THEN 'yes'
       ELSE 'unknown'
     END AS status
WHERE status <> 'no'
CALL (b) {
  MATCH (b)-[steps:REPLACED_BY*0..8]->(s:Body)
  WHERE all(x IN steps WHERE x.change IN ['renamed', 'upgraded'])
    AND NOT EXISTS { MATCH (s)-[x:REPLACED_BY]->() WHERE x.change IN ['renamed', 'upgraded'] }
  RETURN s.id AS successor LIMIT 1
}
WITH p, b, status, CASE WHEN $lineage THEN successor ELSE b.id END AS seat
WITH p, seat, collect(DISTINCT b.name) AS names, collect(status) AS statuses
WITH p, seat, names, CASE WHEN 'yes' IN statuses THEN 'yes' ELSE 'unknown' END AS status
WITH p,
     collect(CASE WHEN status = 'yes' THEN seat END) AS certain,
     collect(CASE WHEN status = 'unknown' THEN seat END) AS undecided,
     reduce(acc = [], x IN collect(CASE WHEN status = 'yes' THEN names END) | acc + x) AS bodies,
     reduce(acc = [], x IN collect(CASE WHEN status = 'unknown' THEN names END) | acc + x)
       AS undecided_bodies
RETURN p.id AS person_id, p.name AS person, p.name_zh AS person_zh,
       size(certain) AS chairs, bodies, size(undecided) AS undecided, undecided_bodies
ORDER BY chairs DESC, undecided DESC, person
