-- CreateTable
CREATE TABLE "UserToken" (
    "token_hash" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME NOT NULL,
    "created_by" TEXT,
    CONSTRAINT "UserToken_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" DATETIME NOT NULL,
    "blocked_until" DATETIME
);

-- Edited by hand: Prisma's diff rebuilds "User" to add two columns; SQLite adds nullable and defaulted columns
-- in place, without copying the table.
ALTER TABLE "User" ADD COLUMN "identity_provider" TEXT;
ALTER TABLE "User" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';
UPDATE "User" SET "search_text" = lower("username" || ' ' || "first_name" || ' ' || "last_name" || ' ' || coalesce("email", ''));

-- CreateIndex
CREATE INDEX "UserToken_user_id_idx" ON "UserToken"("user_id");

-- CreateIndex
CREATE INDEX "SignInThrottle_window_started_at_idx" ON "SignInThrottle"("window_started_at");

