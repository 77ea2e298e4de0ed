// Uniqueness constraints: one node per id for every label of the model, one edge per fact key.
// Applied by `lsg-graph init` (and by every `lsg-graph load`); safe to run again.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dispute_id IF NOT EXISTS FOR (n:Dispute) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chairs_key IF NOT EXISTS FOR ()-[r:CHAIRS]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT reports_to_key IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT replaced_by_key IF NOT EXISTS FOR ()-[r:REPLACED_BY]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT lsg_graph_state IF NOT EXISTS FOR (n:LsgGraph) REQUIRE n.id IS UNIQUE;
