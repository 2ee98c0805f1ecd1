-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "data_processed" TIMESTAMP(3),
ADD COLUMN     "metadata_processed" TIMESTAMP(3),
ADD COLUMN     "published_fields" JSONB,
ADD COLUMN     "published_metadata" JSONB,
ADD COLUMN     "records_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "records_errors" JSONB,
ADD COLUMN     "records_table" TEXT,
ADD COLUMN     "status_params" JSONB;

-- CreateTable
CREATE TABLE "PublishJob" (
    "uid" TEXT NOT NULL,
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
    "heartbeat_at" TIMESTAMP(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "PublishJob_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "PublishJob_state_created_at_idx" ON "PublishJob"("state", "created_at");

-- CreateIndex
CREATE INDEX "PublishJob_dataset_uid_created_at_idx" ON "PublishJob"("dataset_uid", "created_at");

-- AddForeignKey
ALTER TABLE "PublishJob" ADD CONSTRAINT "PublishJob_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset"("uid") ON DELETE CASCADE ON UPDATE CASCADE;

