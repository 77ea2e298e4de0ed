// Indexes the analyses and the loader use: names for lookups, the derived in-force dates for
// "as of" filters (see docs/model.md), seats, the dataset tag for --replace.
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX body_kind IF NOT EXISTS FOR (n:Body) ON (n.kind);
DROP INDEX chairs_start IF EXISTS;
DROP INDEX member_of_start IF EXISTS;
CREATE INDEX chairs_possible_from IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.possible_from);
CREATE INDEX member_of_possible_from IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.possible_from);
CREATE INDEX chairs_certain_from IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.certain_from);
CREATE INDEX member_of_certain_from IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.certain_from);
CREATE INDEX body_seat IF NOT EXISTS FOR (n:Body) ON (n.seat);
CREATE INDEX chairs_dataset IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.dataset);
CREATE INDEX member_of_dataset IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.dataset);
CREATE INDEX reports_to_dataset IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() ON (r.dataset);
CREATE INDEX replaced_by_dataset IF NOT EXISTS FOR ()-[r:REPLACED_BY]-() ON (r.dataset);
