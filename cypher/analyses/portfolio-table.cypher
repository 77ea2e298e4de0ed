// name: portfolio-table
// description: The bodies of one portfolio on one day: who chaired each, with the chair's
// principal office that day (e.g. "Xi Jinping (General Secretary)"), and who else sat on it
// (deputies, office directors, members). Posts the dates cannot settle are marked "(?)",
// claims of a dispute whose rivals disagree "(disputed)"; posts below min_confidence are left
// out.
// `membership_disclosed` says whether the body's membership was ever published: an empty
// `members` cell is "not known", not "nobody". For 'foreign affairs' this is the seed
// article's Table 1.
// param: portfolio string = foreign affairs -- e.g. 'foreign affairs', 'economy', 'security'
// param: as_of date = 2019-06-01 -- the day to look at
// param: min_confidence confidence = medium -- the least confidence a post needs to count: low, medium or high
WITH date($as_of) AS d
MATCH (b:Body)
WHERE $portfolio IN b.portfolio
  AND (b.established IS NULL OR b.established <= d)
  AND (b.abolished IS NULL OR b.abolished > d)
CALL (b, d) {
  OPTIONAL MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
  WHERE r.possible_from <= d < r.possible_until
    AND r.level >= {low: 1, medium: 2, high: 3}[$min_confidence]
  WITH p, r, CASE WHEN r.certain_from <= d < r.certain_until THEN 'yes' ELSE r.doubt END
         AS status
  CALL (p, d) {
    // the few office bodies first, then p's post on each: never all of p's posts
    UNWIND ['central-committee', 'state-council', 'ministry-of-foreign-affairs',
            'politburo-standing-committee', 'politburo'] AS office
    MATCH (o:Body {id: office})
    OPTIONAL MATCH (p)-[m:MEMBER_OF]->(o)
    WHERE m.certain_from <= d < m.certain_until
    WITH collect(CASE
           WHEN m IS NULL THEN null
           WHEN office = 'politburo-standing-committee' THEN 'PSC member'
           WHEN office = 'politburo' THEN 'Politburo member'
           ELSE m.title END) AS held
    RETURN head([t IN ['General Secretary', 'Premier', 'Vice Premier', 'State Councilor',
                       'Minister of Foreign Affairs', 'PSC member', 'Politburo member']
                 WHERE t IN held]) AS office
  }
  WITH r, status, p.name + CASE WHEN office IS NULL THEN '' ELSE ' (' + office + ')' END +
       CASE status WHEN 'unknown' THEN ' (?)' WHEN 'disputed' THEN ' (disputed)' ELSE '' END
         AS label
  ORDER BY r.possible_from
  RETURN [x IN collect(CASE WHEN type(r) = 'CHAIRS' THEN label END) WHERE x IS NOT NULL]
           AS chairs,
         [x IN collect(CASE WHEN type(r) = 'MEMBER_OF' THEN label + ' - ' +
             replace(r.role, '_', ' ') END) WHERE x IS NOT NULL] AS others
}
RETURN b.id AS body_id, b.name AS body,
       reduce(s = '', x IN chairs | s + CASE WHEN s = '' THEN '' ELSE '; ' END + x)
         AS chaired_by,
       reduce(s = '', x IN others | s + CASE WHEN s = '' THEN '' ELSE '; ' END + x) AS members,
       b.membership_disclosed AS membership_disclosed
ORDER BY body
