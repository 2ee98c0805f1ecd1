-- CreateTable
CREATE TABLE "UpstreamSession" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "permissions" TEXT NOT NULL,
    "permissions_known" BOOLEAN NOT NULL,
    "key_box" TEXT NOT NULL,
    "locale" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "user_agent" TEXT,

    CONSTRAINT "UpstreamSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpstreamSession_expires_at_idx" ON "UpstreamSession"("expires_at");

