// name: body-changes
// description: Every renaming, upgrade, merger, split and abolition of a body between two
// years (`REPLACED_BY` links), in date order, with the seat the body's line ends in today,
// confidence and sources - for instance the 2018 upgrades of leading groups into commissions.
// param: from_year int = 2018 -- first year
// param: to_year int = 2018 -- last year
MATCH (a)-[x:REPLACED_BY]->(b)
WHERE x.possible_from.year <= $to_year AND x.possible_until.year >= $from_year
  AND coalesce(x.start.year, $from_year) >= $from_year
  AND coalesce(x.start_latest.year, $to_year) <= $to_year
RETURN x.start_bounds AS date, a.name AS body, x.change AS change, b.name AS into,
       b.seat AS seat, x.confidence AS confidence, x.sources AS sources
ORDER BY x.possible_from, body
