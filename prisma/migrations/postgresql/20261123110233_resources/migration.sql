-- CreateTable
CREATE TABLE "DatasetFile" (
    "uid" TEXT NOT NULL,
    "dataset_uid" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimetype" TEXT,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_name" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetFile_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "Resource" (
    "uid" TEXT NOT NULL,
    "dataset_uid" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "datasource" JSONB NOT NULL,
    "file_uid" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE UNIQUE INDEX "DatasetFile_storage_name_key" ON "DatasetFile"("storage_name");

-- CreateIndex
CREATE INDEX "DatasetFile_dataset_uid_created_at_idx" ON "DatasetFile"("dataset_uid", "created_at");

-- CreateIndex
CREATE INDEX "Resource_dataset_uid_created_at_idx" ON "Resource"("dataset_uid", "created_at");

-- CreateIndex
CREATE INDEX "Resource_file_uid_idx" ON "Resource"("file_uid");

-- AddForeignKey
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset"("uid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset"("uid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_file_uid_fkey" FOREIGN KEY ("file_uid") REFERENCES "DatasetFile"("uid") ON DELETE NO ACTION ON UPDATE CASCADE;

