// name: coverage
// description: What the data does not know: bodies whose membership was never disclosed or is
// of unknown disclosure, facts resting on a single source, disputed facts (with the competing
// claims), posts with an unknown start or end, and people without a Chinese name.
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
  WHERE r.start_precision = 'unknown' OR r.end_precision = 'unknown'
  RETURN 'unknown dates' AS gap, a.name + ' ' + type(r) + ' ' + b.name AS subject,
         r.period AS detail
  UNION ALL
  MATCH (p:Person) WHERE p.name_zh IS NULL
  RETURN 'no Chinese name' AS gap, p.name AS subject, p.id AS detail
}
RETURN gap, subject, detail
ORDER BY gap, subject, detail
