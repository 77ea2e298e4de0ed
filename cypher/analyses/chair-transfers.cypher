// name: chair-transfers
// description: Bodies whose chair passed from a holder of one office to a holder of another
// (for example from the premier to the general secretary), with the date of the change (the
// new chair's earliest possible start, `when` its bounds). The office is the one the chair held
// the body by, as recorded on the CHAIRS edge (`title`). A body and what it was renamed or
// upgraded into count as one line of chairs; competing claims of one dispute are not taken for
// a transfer.
// param: from_year int = 1998 -- first year of a change to report
// param: to_year int = 2026 -- last year of a change to report
MATCH (b:Body) WHERE b.seat = b.id
CALL (b) {
  MATCH (p:Person)-[c:CHAIRS]->(pb:Body {seat: b.id})
  WHERE c.possible_from > date('0001-01-01')
  RETURN p, c, pb ORDER BY c.possible_from, c.certain_from
}
WITH b, collect({person: p.name, office: c.title, start: c.possible_from,
                 precision: c.start_precision, when: c.start_bounds, body: pb.name,
                 dispute: c.dispute}) AS chairs
UNWIND range(1, size(chairs) - 1) AS i
WITH b, chairs[i - 1] AS before, chairs[i] AS after
WHERE before.office IS NOT NULL AND after.office IS NOT NULL
  AND before.office <> after.office AND before.person <> after.person
  AND (before.dispute IS NULL OR after.dispute IS NULL OR before.dispute <> after.dispute)
  AND after.start.year >= $from_year AND after.start.year <= $to_year
RETURN b.name AS body, after.start AS date, after.precision AS precision, after.when AS when,
       before.person AS from_person, before.office AS from_office, before.body AS from_body,
       after.person AS to_person, after.office AS to_office, after.body AS to_body
ORDER BY date, body
