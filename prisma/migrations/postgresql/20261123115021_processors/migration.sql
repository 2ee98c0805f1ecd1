-- CreateTable
CREATE TABLE "DatasetProcessor" (
    "uid" TEXT NOT NULL,
    "dataset_uid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatasetProcessor_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "DatasetProcessor_dataset_uid_kind_position_idx" ON "DatasetProcessor"("dataset_uid", "kind", "position");

-- AddForeignKey
ALTER TABLE "DatasetProcessor" ADD CONSTRAINT "DatasetProcessor_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset"("uid") ON DELETE CASCADE ON UPDATE CASCADE;

