-- CreateTable
CREATE TABLE "DatasetRuleset" (
    "id" TEXT NOT NULL,
    "dataset_uid" TEXT NOT NULL,
    "user_id" TEXT,
    "group_uid" TEXT,
    "security" JSONB NOT NULL,
    "permissions" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatasetRuleset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiCallCounter" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiCallCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "DatasetRuleset_user_id_idx" ON "DatasetRuleset"("user_id");

-- CreateIndex
CREATE INDEX "DatasetRuleset_group_uid_idx" ON "DatasetRuleset"("group_uid");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetRuleset_dataset_uid_user_id_key" ON "DatasetRuleset"("dataset_uid", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetRuleset_dataset_uid_group_uid_key" ON "DatasetRuleset"("dataset_uid", "group_uid");

-- CreateIndex
CREATE INDEX "ApiCallCounter_window_start_idx" ON "ApiCallCounter"("window_start");

-- AddForeignKey
ALTER TABLE "DatasetRuleset" ADD CONSTRAINT "DatasetRuleset_dataset_uid_fkey" FOREIGN KEY ("dataset_uid") REFERENCES "Dataset"("uid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetRuleset" ADD CONSTRAINT "DatasetRuleset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetRuleset" ADD CONSTRAINT "DatasetRuleset_group_uid_fkey" FOREIGN KEY ("group_uid") REFERENCES "Group"("uid") ON DELETE CASCADE ON UPDATE CASCADE;

