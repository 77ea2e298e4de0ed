// name: concentration-timeline
// description: One row a year, counted on 1 July: how many bodies had a chair known to be in
// office that day (`bodies`), how many different people held those chairs, who held most
// (`top_person`, `top_chairs`, `top_share` of all chairmanships), the Herfindahl index of
// chairmanships across people (`hhi`, 1 = one person chairs everything) and its inverse
// (`effective_number` of chairs). `undecided` counts chairmanships the dates cannot settle for
// that day; they are left out of the shares.
// param: from_year int = 1998 -- first year
// param: to_year int = 2025 -- last year
// param: portfolio string = null -- only bodies with this portfolio (null: all)
// param: lineage bool = false -- count a body and its renamed/upgraded successors as one seat
UNWIND range($from_year, $to_year) AS year
CALL (year) {
  WITH date({year: year, month: 7, day: 1}) AS d
  OPTIONAL MATCH (p:Person)-[r:CHAIRS]->(b:Body)
  WHERE ($portfolio IS NULL OR $portfolio IN b.portfolio)
    AND r.start_latest <= d AND (r.end_precision IS NULL OR d < r.end)
  CALL (b) {
    OPTIONAL MATCH (b)-[steps:REPLACED_BY*0..8]->(s:Body)
    WHERE all(x IN steps WHERE x.change IN ['renamed', 'upgraded'])
      AND NOT EXISTS { MATCH (s)-[x:REPLACED_BY]->() WHERE x.change IN ['renamed', 'upgraded'] }
    RETURN s.id AS successor LIMIT 1
  }
  WITH p, CASE WHEN $lineage THEN successor ELSE b.id END AS seat
  WHERE p IS NOT NULL
  WITH p, collect(DISTINCT seat) AS seats
  WITH collect({person: p.name, n: size(seats)}) AS people,
       reduce(acc = [], s IN collect(seats) | acc + [x IN s WHERE NOT x IN acc]) AS bodies
  WITH people, bodies, reduce(t = 0, x IN people | t + x.n) AS total,
       reduce(best = null, x IN people | CASE
         WHEN best IS NULL OR x.n > best.n OR (x.n = best.n AND x.person < best.person) THEN x
         ELSE best END) AS top
  RETURN size(bodies) AS bodies, size(people) AS distinct_chairs, top.person AS top_person,
         top.n AS top_chairs, total,
         CASE WHEN total = 0 THEN null ELSE toFloat(top.n) / total END AS top_share,
         CASE WHEN total = 0 THEN null
              ELSE reduce(h = 0.0, x IN people | h + (toFloat(x.n) / total) ^ 2) END AS hhi
}
CALL (year) {
  WITH date({year: year, month: 7, day: 1}) AS d
  OPTIONAL MATCH (:Person)-[r:CHAIRS]->(b:Body)
  WHERE $portfolio IS NULL OR $portfolio IN b.portfolio
  WITH r, CASE
         WHEN d < r.start OR d >= r.end_latest THEN 'no'
         WHEN r.start_latest <= d AND (r.end_precision IS NULL OR d < r.end) THEN 'yes'
         ELSE 'unknown'
       END AS status
  RETURN count(CASE WHEN status = 'unknown' THEN r END) AS undecided
}
RETURN year, bodies, distinct_chairs, top_person, top_chairs, top_share, hhi,
       CASE WHEN hhi > 0 THEN 1.0 / hhi END AS effective_number, undecided
ORDER BY year
