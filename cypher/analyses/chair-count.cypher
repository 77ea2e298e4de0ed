// name: chair-count
// description: Who chairs how many bodies on a date, most first. `chairs` counts the bodies a
// person certainly chaired that day; `disputed` those where competing claims of a dispute
// disagree on who chaired (each such seat counts once per claimant, never as certain);
// `undecided` those the dates cannot settle; each with the bodies' names. Posts below
// min_confidence are left out (`lsg-graph analyze coverage` lists them). With lineage = true
// a body and the bodies it was renamed or upgraded into count as one seat (the Foreign Affairs
// LSG and the Foreign Affairs Commission are one seat).
// param: as_of date = 2019-06-01 -- the day to look at (YYYY-MM-DD)
// param: portfolio string = null -- only bodies with this portfolio, e.g. 'foreign affairs' (null: all)
// param: lineage bool = false -- count a body and its renamed/upgraded successors as one seat
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
WITH date($as_of) AS d
MATCH (p:Person)-[r:CHAIRS]->(b:Body)
WHERE r.possible_from <= d < r.possible_until
  AND r.level >= {low: 1, medium: 2, high: 3}[$min_confidence]
  AND ($portfolio IS NULL OR $portfolio IN b.portfolio)
WITH p, b, CASE WHEN $lineage THEN b.seat ELSE b.id END AS seat,
     CASE WHEN r.certain_from <= d < r.certain_until THEN 'yes' ELSE r.doubt END AS status
WITH p, seat, collect(DISTINCT b.name) AS names, collect(status) AS statuses
WITH p, seat, names, CASE WHEN 'yes' IN statuses THEN 'yes'
                          WHEN 'disputed' IN statuses THEN 'disputed' ELSE 'unknown' END AS status
WITH p,
     collect(CASE WHEN status = 'yes' THEN seat END) AS certain,
     collect(CASE WHEN status = 'disputed' THEN seat END) AS disputed,
     collect(CASE WHEN status = 'unknown' THEN seat END) AS undecided,
     reduce(acc = [], x IN collect(CASE WHEN status = 'yes' THEN names END) | acc + x) AS bodies,
     reduce(acc = [], x IN collect(CASE WHEN status = 'disputed' THEN names END) | acc + x)
       AS disputed_bodies,
     reduce(acc = [], x IN collect(CASE WHEN status = 'unknown' THEN names END) | acc + x)
       AS undecided_bodies
RETURN p.id AS person_id, p.name AS person, p.name_zh AS person_zh,
       size(certain) AS chairs, bodies, size(disputed) AS disputed, disputed_bodies,
       size(undecided) AS undecided, undecided_bodies
ORDER BY chairs DESC, disputed DESC, undecided DESC, person
