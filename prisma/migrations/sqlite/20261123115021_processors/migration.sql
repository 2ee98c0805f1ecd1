-- CreateTable
CREATE TABLE "DatasetProcessor" (
    "uid" TEXT NOT NULL PRIMARY KEY,
    "dataset_uid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "DatasetProcessor_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset" ("uid") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DatasetProcessor_dataset_uid_kind_position_idx" ON "DatasetProcessor"("dataset_uid", "kind", "position");

