-- Edited by hand: Prisma's diff rebuilds "Dataset" to add columns, which would drop the full-text triggers of
-- 20261123111500_dataset_search. SQLite adds nullable and defaulted columns in place.
ALTER TABLE "Dataset" ADD COLUMN "status_params" JSONB;
ALTER TABLE "Dataset" ADD COLUMN "records_errors" JSONB;
ALTER TABLE "Dataset" ADD COLUMN "records_table" TEXT;
ALTER TABLE "Dataset" ADD COLUMN "published_fields" JSONB;
ALTER TABLE "Dataset" ADD COLUMN "records_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Dataset" ADD COLUMN "published_metadata" JSONB;
ALTER TABLE "Dataset" ADD COLUMN "data_processed" DATETIME;
ALTER TABLE "Dataset" ADD COLUMN "metadata_processed" DATETIME;

-- CreateTable
CREATE TABLE "PublishJob" (
    "uid" TEXT NOT NULL PRIMARY KEY,
    "dataset_uid" TEXT NOT NULL,
    "function" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "records_table" TEXT,
    "records_done" INTEGER NOT NULL DEFAULT 0,
    "records_skipped" INTEGER NOT NULL DEFAULT 0,
    "errors_count" INTEGER NOT NULL DEFAULT 0,
    "bytes_done" BIGINT NOT NULL DEFAULT 0,
    "bytes_total" BIGINT NOT NULL DEFAULT 0,
    "message" TEXT,
    "abort_requested" BOOLEAN NOT NULL DEFAULT false,
    "worker_id" TEXT,
    "heartbeat_at" DATETIME,
    "created_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" DATETIME,
    "finished_at" DATETIME,
    CONSTRAINT "PublishJob_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset" ("uid") ON DELETE CASCADE ON UPDATE CASCADE
);


-- CreateIndex
CREATE INDEX "PublishJob_state_created_at_idx" ON "PublishJob"("state", "created_at");

-- CreateIndex
CREATE INDEX "PublishJob_dataset_uid_created_at_idx" ON "PublishJob"("dataset_uid", "created_at");
