// name: coverage
// description: What the data does not know: bodies whose membership was never disclosed or is
// of unknown disclosure, facts resting on a single source, disputed facts (with the competing
// claims), posts whose start or end is still unbounded on a side after inference ('unknown
// dates'), posts whose bounds the inference rules narrowed ('inferred bounds', with how),
// posts below a confidence level that the counting analyses leave out by default ('below
// medium confidence'), people without a Chinese name, and people and bodies without a Wikidata
// id read on a page.
// One row per gap: `gap` (its kind), `subject`, `detail`.
CALL () {
  MATCH (b:Body) WHERE b.membership_disclosed IN ['none', 'unknown']
  RETURN 'membership ' + b.membership_disclosed AS gap, b.name AS subject,
         'membership_disclosed = ' + b.membership_disclosed AS detail
  UNION ALL
  MATCH (a)-[r:CHAIRS|MEMBER_OF|REPORTS_TO|REPLACED_BY]->(b) WHERE size(r.sources) = 1
  RETURN 'single source' AS gap, a.name + ' ' + type(r) + ' ' + b.name AS subject,
         r.period + ' [' + r.sources[0] + ']' AS detail
  UNION ALL
  MATCH (d:Dispute)
  RETURN 'disputed' AS gap, d.topic AS subject,
         reduce(s = '', i IN range(0, size(d.claims) - 1) |
           s + CASE WHEN s = '' THEN '' ELSE ' | ' END + d.claims[i] +
           ' [' + d.claim_sources[i] + ']') AS detail
  UNION ALL
  MATCH (a:Person)-[r:CHAIRS|MEMBER_OF]->(b)
  WHERE r.possible_from = date('0001-01-01')
     OR (r.possible_until = date('9999-12-31') AND r.end_bounds <> 'present')
  RETURN 'unknown dates' AS gap, a.name + ' ' + type(r) + ' ' + b.name AS subject,
         r.start_bounds + ' to ' + r.end_bounds + ' (stated ' + r.period + ')' AS detail
  UNION ALL
  MATCH (a:Person)-[r:CHAIRS|MEMBER_OF]->(b)
  WHERE size(r.inferred) > 0
  RETURN 'inferred bounds' AS gap, a.name + ' ' + type(r) + ' ' + b.name AS subject,
         r.start_bounds + ' to ' + r.end_bounds + ': ' +
         reduce(s = '', x IN r.inferred | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + x)
           AS detail
  UNION ALL
  MATCH (a:Person)-[r:CHAIRS|MEMBER_OF]->(b)
  WHERE r.level < 2
  RETURN 'below medium confidence' AS gap, a.name + ' ' + type(r) + ' ' + b.name AS subject,
         r.period + ' (' + r.confidence + ')' AS detail
  UNION ALL
  MATCH (p:Person) WHERE p.name_zh IS NULL
  RETURN 'no Chinese name' AS gap, p.name AS subject, p.id AS detail
  UNION ALL
  MATCH (n) WHERE (n:Person OR n:Body) AND n.wikidata IS NULL
  RETURN 'no wikidata id' AS gap, n.name AS subject, n.id AS detail
}
RETURN gap, subject, detail
ORDER BY gap, subject, detail
