// Indexes the analyses and the loader use: names for lookups, dates for "as of" filters,
// the dataset tag for --replace.
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX body_kind IF NOT EXISTS FOR (n:Body) ON (n.kind);
CREATE INDEX chairs_start IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.start);
CREATE INDEX member_of_start IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.start);
CREATE INDEX chairs_dataset IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.dataset);
CREATE INDEX member_of_dataset IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.dataset);
CREATE INDEX reports_to_dataset IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() ON (r.dataset);
CREATE INDEX replaced_by_dataset IF NOT EXISTS FOR ()-[r:REPLACED_BY]-() ON (r.dataset);
