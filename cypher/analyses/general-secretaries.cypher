// name: general-secretaries
// description: The general secretaries of the Central Committee and their tenures, as the
// graph has them (used to shade leaders' eras on timeline plots).
MATCH (p:Person)-[g:MEMBER_OF {title: 'General Secretary'}]->(:Body {id: 'central-committee'})
RETURN p.id AS person_id, p.name AS person, g.start AS start, g.end AS end, g.period AS period,
       g.sources AS sources
ORDER BY start
