ALTER TABLE "task" ADD COLUMN "first_submitted_at" timestamp with time zone;--> statement-breakpoint
UPDATE "task" SET "first_submitted_at" = "submitted_at" WHERE "submitted_at" IS NOT NULL;
