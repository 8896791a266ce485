"""The schema a new database gets in one step: what ``store.MIGRATIONS`` build, dumped by
``store.schema_statements``. Generated: do not edit; after adding a migration run
``make schema`` (tests/test_schema.py fails until then)."""

STATEMENTS: tuple[str, ...] = (
    'CREATE TABLE "_migrations" (\n   "name" TEXT PRIMARY KEY,\n   "applied_at" TEXT\n)',
    "CREATE VIRTUAL TABLE [documents_fts] USING FTS5 ([text], tokenize='trigram', content=[documents])",
    'CREATE TABLE [_fts_pending] ([rowid] INTEGER PRIMARY KEY)',
    'CREATE TABLE "documents" ([id] INTEGER PRIMARY KEY, [sha256] TEXT NOT NULL, [document] TEXT NOT NULL, [path] TEXT NOT NULL, [title] TEXT, [year] INTEGER, [start_month] INTEGER, [end_month] INTEGER, [period] TEXT, [published] TEXT, [publisher] TEXT, [index_no] TEXT, [doc_no] TEXT, [doc_type] TEXT, [format] TEXT, [encoding] TEXT, [size] INTEGER, [chars] INTEGER, [unreadable] INTEGER, [pinyin_removed] INTEGER, [lines_joined] INTEGER, [observations] INTEGER, [tasks] INTEGER, [warnings] TEXT, [mtime] REAL, [ingested_at] TEXT, [text] TEXT, [region] TEXT, [report_kind] TEXT, [frame] TEXT, [relpath] TEXT, [source] TEXT, [linked_from] TEXT, [file_name] TEXT, [type] TEXT, [region_level] TEXT, [data_year] INTEGER, [target_year] INTEGER, [frame_why] TEXT, [frame_user] TEXT)',
    'CREATE TABLE "observations" ([id] INTEGER PRIMARY KEY, [doc_id] INTEGER NOT NULL REFERENCES [documents]([id]), [name] TEXT NOT NULL, [indicator_id] TEXT, [raw_name] TEXT, [year] INTEGER, [start_month] INTEGER, [end_month] INTEGER, [period] TEXT, [kind] TEXT NOT NULL, [measure] TEXT, [value] REAL, [unit] TEXT, [qualifier] TEXT, [char_offset] INTEGER, [quote] TEXT, [task_seq] TEXT, [region] TEXT, [basis] TEXT, [base_period] TEXT, [derived] INTEGER)',
    'CREATE TABLE "tasks" ([id] INTEGER PRIMARY KEY, [doc_id] INTEGER NOT NULL REFERENCES [documents]([id]), [seq] TEXT NOT NULL, [row_index] INTEGER, [status] TEXT NOT NULL, [status_raw] TEXT, [annual_target] TEXT, [period_target] TEXT, [progress] TEXT, [reason] TEXT, [next_steps] TEXT, [leader] TEXT, [departments] TEXT, [departments_raw] TEXT, [year] INTEGER, [start_month] INTEGER, [end_month] INTEGER, [period] TEXT, [char_offset] INTEGER, [category] TEXT, [completion_rate] REAL, [region] TEXT, [source] TEXT, [target_amount] TEXT, [actual] TEXT, [measure_unit] TEXT, [on_schedule] TEXT, [notes] TEXT, [deadline] TEXT, [quote] TEXT, [alignment] TEXT)',
    'CREATE TABLE "status_counts" ([id] INTEGER PRIMARY KEY, [doc_id] INTEGER NOT NULL REFERENCES [documents]([id]), [status] TEXT NOT NULL, [label] TEXT, [count] INTEGER NOT NULL, [total] INTEGER, [char_offset] INTEGER, [quote] TEXT)',
    'CREATE UNIQUE INDEX idx_documents_sha256 ON documents (sha256)',
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
    "CREATE VIEW [figures] AS \n        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,\n               o.quote, d.document, d.title, d.sha256 || ':' || coalesce(o.char_offset, 0) AS source\n        FROM observations o JOIN documents d ON d.id = o.doc_id",
    "CREATE VIEW [unfinished_tasks] AS \n        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,\n               t.departments_raw AS departments, t.completion_rate, t.region, t.period\n        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'",
)
