-- Lessons brought in from a spreadsheet carry a key of their organisation, title and recommendation,
-- so importing the same file twice adds nothing (see src/lessons/import/import-key.ts).
ALTER TABLE lessons ADD COLUMN import_key text;
CREATE UNIQUE INDEX lessons_import_key ON lessons (tenant, import_key) WHERE import_key IS NOT NULL;
