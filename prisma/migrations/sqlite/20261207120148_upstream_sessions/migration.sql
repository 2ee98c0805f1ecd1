-- CreateTable
CREATE TABLE "UpstreamSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "permissions" TEXT NOT NULL,
    "permissions_known" BOOLEAN NOT NULL,
    "key_box" TEXT NOT NULL,
    "locale" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME NOT NULL,
    "user_agent" TEXT
);

-- CreateIndex
CREATE INDEX "UpstreamSession_expires_at_idx" ON "UpstreamSession"("expires_at");

