"""The schema a new database gets in one step: what ``store.MIGRATIONS`` build, dumped by
``store.schema_statements``. Generated: do not edit; after adding a migration run
``make schema`` (tests/test_schema.py fails until then)."""

STATEMENTS: tuple[str, ...] = (
    'CREATE TABLE "_migrations" (\n   "name" TEXT PRIMARY KEY,\n   "applied_at" TEXT\n)',
    'CREATE TABLE "documents" (\n   "id" TEXT PRIMARY KEY,\n   "document" TEXT NOT NULL,\n   "path" TEXT NOT NULL,\n   "title" TEXT,\n   "year" INTEGER,\n   "start_month" INTEGER,\n   "end_month" INTEGER,\n   "period" TEXT,\n   "published" TEXT,\n   "publisher" TEXT,\n   "index_no" TEXT,\n   "doc_no" TEXT,\n   "doc_type" TEXT,\n   "format" TEXT,\n   "encoding" TEXT,\n   "size" INTEGER,\n   "chars" INTEGER,\n   "unreadable" INTEGER,\n   "pinyin_removed" INTEGER,\n   "lines_joined" INTEGER,\n   "observations" INTEGER,\n   "tasks" INTEGER,\n   "warnings" TEXT,\n   "mtime" REAL,\n   "ingested_at" TEXT,\n   "text" TEXT\n, [region] TEXT, [report_kind] TEXT, [frame] TEXT, [relpath] TEXT, [source] TEXT, [linked_from] TEXT, [file_name] TEXT)',
    'CREATE TABLE "observations" (\n   "id" INTEGER PRIMARY KEY,\n   "doc_id" TEXT NOT NULL REFERENCES "documents"("id"),\n   "name" TEXT NOT NULL,\n   "indicator_id" TEXT,\n   "raw_name" TEXT,\n   "year" INTEGER,\n   "start_month" INTEGER,\n   "end_month" INTEGER,\n   "period" TEXT,\n   "kind" TEXT NOT NULL,\n   "measure" TEXT,\n   "value" REAL,\n   "unit" TEXT,\n   "qualifier" TEXT,\n   "char_offset" INTEGER,\n   "quote" TEXT,\n   "task_seq" TEXT\n, [region] TEXT, [basis] TEXT, [base_period] TEXT, [derived] INTEGER)',
    'CREATE TABLE "tasks" (\n   "id" INTEGER PRIMARY KEY,\n   "doc_id" TEXT NOT NULL REFERENCES "documents"("id"),\n   "seq" TEXT NOT NULL,\n   "row_index" INTEGER,\n   "status" TEXT NOT NULL,\n   "status_raw" TEXT,\n   "annual_target" TEXT,\n   "period_target" TEXT,\n   "progress" TEXT,\n   "reason" TEXT,\n   "next_steps" TEXT,\n   "leader" TEXT,\n   "departments" TEXT,\n   "departments_raw" TEXT,\n   "year" INTEGER,\n   "start_month" INTEGER,\n   "end_month" INTEGER,\n   "period" TEXT,\n   "char_offset" INTEGER\n, [category] TEXT, [completion_rate] REAL, [region] TEXT, [source] TEXT)',
    "CREATE VIRTUAL TABLE [documents_fts] USING FTS5 ([text], tokenize='trigram', content=[documents])",
    'CREATE TABLE "status_counts" (\n   "id" INTEGER PRIMARY KEY,\n   "doc_id" TEXT NOT NULL REFERENCES "documents"("id"),\n   "status" TEXT NOT NULL,\n   "label" TEXT,\n   "count" INTEGER NOT NULL,\n   "total" INTEGER,\n   "char_offset" INTEGER,\n   "quote" TEXT\n)',
    'CREATE TABLE [_fts_pending] ([rowid] INTEGER PRIMARY KEY)',
    'CREATE INDEX "idx_observations_doc_id"\n    ON "observations" ("doc_id")',
    'CREATE INDEX "idx_observations_year_start_month_end_month"\n    ON "observations" ("year", "start_month", "end_month")',
    'CREATE INDEX "idx_tasks_doc_id"\n    ON "tasks" ("doc_id")',
    'CREATE INDEX "idx_tasks_status"\n    ON "tasks" ("status")',
    'CREATE UNIQUE INDEX "idx_documents_path_unique"\n    ON "documents" ("path")',
    'CREATE INDEX idx_observations_indicator_cover ON observations (indicator_id, year, start_month, end_month, kind, measure, unit, qualifier, value, doc_id, char_offset, name, task_seq, period)',
    'CREATE INDEX idx_observations_name_indicator ON observations (name, indicator_id)',
    'CREATE INDEX idx_documents_id_document ON documents (id, document)',
    'CREATE INDEX idx_documents_document ON documents (document, id)',
    'CREATE INDEX "idx_status_counts_doc_id"\n    ON "status_counts" ("doc_id")',
    'CREATE INDEX idx_observations_region ON observations (region)',
    'CREATE INDEX idx_documents_relpath ON documents (relpath)',
    'CREATE INDEX idx_documents_file_name ON documents (file_name)',
    'CREATE TRIGGER [documents_ai] AFTER INSERT ON [documents] BEGIN\n  INSERT OR IGNORE INTO [_fts_pending] (rowid) VALUES (new.rowid);\nEND',
    "CREATE TRIGGER [documents_ad] AFTER DELETE ON [documents] BEGIN\n  INSERT INTO [documents_fts] ([documents_fts], rowid, [text])\n    SELECT 'delete', old.rowid, old.[text] WHERE NOT EXISTS (SELECT 1 FROM [_fts_pending] WHERE rowid = old.rowid);\n  DELETE FROM [_fts_pending] WHERE rowid = old.rowid;\nEND",
    "CREATE TRIGGER [documents_au] AFTER UPDATE OF [text] ON [documents] BEGIN\n  INSERT INTO [documents_fts] ([documents_fts], rowid, [text])\n    SELECT 'delete', old.rowid, old.[text] WHERE NOT EXISTS (SELECT 1 FROM [_fts_pending] WHERE rowid = old.rowid);\n  DELETE FROM [_fts_pending] WHERE rowid = old.rowid;\n  INSERT OR IGNORE INTO [_fts_pending] (rowid) VALUES (new.rowid);\nEND",
    "CREATE VIEW [figures] AS \n        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,\n               o.quote, d.document, d.title, o.doc_id || ':' || coalesce(o.char_offset, 0) AS source\n        FROM observations o JOIN documents d ON d.id = o.doc_id",
    "CREATE VIEW [unfinished_tasks] AS \n        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,\n               t.departments_raw AS departments, t.completion_rate, t.region, t.period\n        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'",
)
