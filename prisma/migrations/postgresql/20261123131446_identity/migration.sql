-- AlterTable
ALTER TABLE "User" ADD COLUMN     "identity_provider" TEXT,
ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '';
UPDATE "User" SET "search_text" = lower("username" || ' ' || "first_name" || ' ' || "last_name" || ' ' || coalesce("email", ''));

-- CreateTable
CREATE TABLE "UserToken" (
    "token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_by" TEXT,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMP(3) NOT NULL,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "UserToken_user_id_idx" ON "UserToken"("user_id");

-- CreateIndex
CREATE INDEX "SignInThrottle_window_started_at_idx" ON "SignInThrottle"("window_started_at");

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

