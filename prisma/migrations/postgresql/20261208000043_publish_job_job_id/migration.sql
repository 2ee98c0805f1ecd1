-- AlterTable
ALTER TABLE "PublishJob" ADD COLUMN     "job_id" TEXT;

-- Jobs from before this migration get their job_id too (40 random hex characters, as new jobs do).
UPDATE "PublishJob" SET "job_id" = md5(random()::text || "uid") || substr(md5("uid" || random()::text), 1, 8) WHERE "job_id" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "PublishJob_job_id_key" ON "PublishJob"("job_id");

-- CreateIndex
CREATE INDEX "PublishJob_created_by_id_created_at_idx" ON "PublishJob"("created_by_id", "created_at");

