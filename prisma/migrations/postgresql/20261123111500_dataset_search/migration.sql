-- Written by hand (Prisma cannot describe operator classes of extensions): a trigram index of
-- Dataset.search_text, which PostgreSQL uses for the LIKE '%word%' of a search. pg_trgm ships with PostgreSQL
-- (contrib) and is a trusted extension. It goes to "public" so that it outlives any one schema; where it cannot
-- be created (no contrib package, no right), search still works, by scanning.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): dataset search will scan the table', SQLERRM;
END $$;

DO $$
DECLARE
  ext_schema text;
BEGIN
  SELECT extnamespace::regnamespace::text INTO ext_schema FROM pg_extension WHERE extname = 'pg_trgm';
  IF ext_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX "Dataset_search_text_trgm_idx" ON "Dataset" USING gin ("search_text" %I.gin_trgm_ops)', ext_schema);
  END IF;
END $$;
