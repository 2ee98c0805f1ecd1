-- Written by hand (Prisma cannot describe virtual tables): a trigram full-text index of Dataset.search_text, so
-- that a search for a rare word reads a few index pages instead of every dataset. Kept in step by triggers.
CREATE VIRTUAL TABLE "DatasetSearch" USING fts5(uid UNINDEXED, search_text, tokenize = 'trigram');

INSERT INTO "DatasetSearch" (uid, search_text) SELECT uid, search_text FROM "Dataset";

CREATE TRIGGER "Dataset_search_insert" AFTER INSERT ON "Dataset" BEGIN
  INSERT INTO "DatasetSearch" (uid, search_text) VALUES (new.uid, new.search_text);
END;

CREATE TRIGGER "Dataset_search_update" AFTER UPDATE OF search_text, uid ON "Dataset" BEGIN
  DELETE FROM "DatasetSearch" WHERE uid = old.uid;
  INSERT INTO "DatasetSearch" (uid, search_text) VALUES (new.uid, new.search_text);
END;

CREATE TRIGGER "Dataset_search_delete" AFTER DELETE ON "Dataset" BEGIN
  DELETE FROM "DatasetSearch" WHERE uid = old.uid;
END;
