// name: concentration-timeline
// description: One row a year, counted on 1 July, over seats (bodies, or with lineage = true
// a body and what it was renamed or upgraded into). `chairmanships` counts the certain chairs
// (person and seat), `bodies` the seats with a certain chair, `distinct_chairs` the people
// holding them; `top_person` held most (`top_chairs`, `top_share` of all chairmanships);
// `hhi` is the Herfindahl index of chairmanships across people (1 = one person chairs
// everything) and `effective_number` its inverse. Seats without a certain chair count once
// each as `disputed` (competing claims disagree) or `undecided` (the dates cannot settle the
// day): they are how far the shares could move. Posts below min_confidence are left out.
// param: from_year int = 1998 -- first year
// param: to_year int = 2025 -- last year
// param: portfolio string = null -- only bodies with this portfolio (null: all)
// param: lineage bool = false -- count a body and its renamed/upgraded successors as one seat
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
UNWIND range($from_year, $to_year) AS year
CALL (year) {
  WITH date({year: year, month: 7, day: 1}) AS d
  OPTIONAL MATCH (p:Person)-[r:CHAIRS]->(b:Body)
  WHERE r.possible_from <= d < r.possible_until
    AND r.level >= {low: 1, medium: 2, high: 3}[$min_confidence]
    AND ($portfolio IS NULL OR $portfolio IN b.portfolio)
  WITH p, CASE WHEN $lineage THEN b.seat ELSE b.id END AS seat,
       CASE WHEN r.certain_from <= d < r.certain_until THEN 'yes' ELSE r.doubt END AS status
  WITH seat, collect(DISTINCT CASE WHEN status = 'yes' THEN p END) AS holders,
       collect(status) AS statuses
  WITH collect({seat: seat, holders: holders, statuses: statuses}) AS seats
  WITH [s IN seats WHERE s.seat IS NOT NULL AND size(s.holders) > 0] AS held,
       size([s IN seats WHERE s.seat IS NOT NULL AND size(s.holders) = 0
             AND 'disputed' IN s.statuses]) AS disputed,
       size([s IN seats WHERE s.seat IS NOT NULL AND size(s.holders) = 0
             AND NOT 'disputed' IN s.statuses]) AS undecided
  UNWIND (CASE WHEN size(held) = 0 THEN [null] ELSE held END) AS s
  UNWIND (CASE WHEN s IS NULL THEN [null] ELSE s.holders END) AS holder
  WITH disputed, undecided, size(held) AS bodies, holder, count(s) AS n
  WITH disputed, undecided, bodies,
       collect(CASE WHEN holder IS NOT NULL THEN {person: holder.name, n: n} END) AS people
  WITH disputed, undecided, bodies, people, reduce(t = 0, x IN people | t + x.n) AS total,
       reduce(best = null, x IN people | CASE
         WHEN best IS NULL OR x.n > best.n OR (x.n = best.n AND x.person < best.person) THEN x
         ELSE best END) AS top
  RETURN bodies, size(people) AS distinct_chairs, top.person AS top_person,
         top.n AS top_chairs, total AS chairmanships, disputed, undecided,
         CASE WHEN total = 0 THEN null ELSE toFloat(top.n) / total END AS top_share,
         CASE WHEN total = 0 THEN null
              ELSE reduce(h = 0.0, x IN people | h + (toFloat(x.n) / total) ^ 2) END AS hhi
}
RETURN year, chairmanships, disputed, undecided, bodies, distinct_chairs, top_person,
       top_chairs, top_share, hhi, CASE WHEN hhi > 0 THEN 1.0 / hhi END AS effective_number
ORDER BY year
