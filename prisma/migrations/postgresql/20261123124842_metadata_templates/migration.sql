-- CreateTable
CREATE TABLE "MetadataTemplate" (
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_system" BOOLEAN NOT NULL DEFAULT false,
    "is_always_active" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "MetadataTemplate_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "MetadataTemplateField" (
    "template_name" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'text',
    "label" TEXT,
    "help_text" TEXT,
    "is_hidden" BOOLEAN NOT NULL DEFAULT false,
    "self_suggest" BOOLEAN NOT NULL DEFAULT false,
    "is_filter" BOOLEAN NOT NULL DEFAULT false,
    "i18n" BOOLEAN NOT NULL DEFAULT false,
    "choices" JSONB,
    "labels" JSONB,
    "requirement_level" TEXT NOT NULL DEFAULT 'optional',

    CONSTRAINT "MetadataTemplateField_pkey" PRIMARY KEY ("template_name","name")
);

-- CreateIndex
CREATE INDEX "MetadataTemplate_position_name_idx" ON "MetadataTemplate"("position", "name");

-- CreateIndex
CREATE INDEX "MetadataTemplateField_template_name_position_idx" ON "MetadataTemplateField"("template_name", "position");

-- AddForeignKey
ALTER TABLE "MetadataTemplateField" ADD CONSTRAINT "MetadataTemplateField_template_name_fkey" FOREIGN KEY ("template_name") REFERENCES "MetadataTemplate"("name") ON DELETE CASCADE ON UPDATE CASCADE;

