-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "deleted_at" TIMESTAMP(3),
ADD COLUMN     "deleted_by_id" TEXT;

-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "description" TEXT;

-- CreateIndex
CREATE INDEX "Dataset_deleted_at_idx" ON "Dataset"("deleted_at");

