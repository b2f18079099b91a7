CREATE TABLE "application_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"year_index" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"application_status" text NOT NULL,
	"places_applied" text,
	"scale" text,
	"economic_effect" text,
	"social_effect" text,
	"revenue" numeric,
	"ip_summary" text,
	"transfer_contracts" integer,
	"transfer_value" numeric,
	"difficulties" text,
	"file_id" uuid,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_report_task_year_uq" UNIQUE("task_id","year_index"),
	CONSTRAINT "application_report_year_ck" CHECK ("application_report"."year_index" BETWEEN 1 AND 5),
	CONSTRAINT "application_report_status_ck" CHECK ("application_report"."status" IN ('draft','submitted','returned','accepted')),
	CONSTRAINT "application_report_application_ck" CHECK ("application_report"."application_status" IN ('applied','partly_applied','not_applied')),
	CONSTRAINT "application_report_amounts_ck" CHECK (coalesce("application_report"."revenue", 0) >= 0 AND coalesce("application_report"."transfer_value", 0) >= 0 AND coalesce("application_report"."transfer_contracts", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"authority_unit_id" uuid NOT NULL,
	"verification_code" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_registration_uq" UNIQUE("registration_id"),
	CONSTRAINT "certificate_number_uq" UNIQUE("number"),
	CONSTRAINT "certificate_verification_code_uq" UNIQUE("verification_code"),
	CONSTRAINT "certificate_status_ck" CHECK ("certificate"."status" IN ('valid','revoked')),
	CONSTRAINT "certificate_revocation_ck" CHECK (("certificate"."status" = 'revoked') = ("certificate"."revoked_at" IS NOT NULL AND "certificate"."revoke_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "certificate_copy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"copy_no" integer NOT NULL,
	"issued_on" date NOT NULL,
	"purpose" text,
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_copy_no_uq" UNIQUE("certificate_id","copy_no")
);
--> statement-breakpoint
CREATE TABLE "certificate_counter" (
	"authority_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_no" integer NOT NULL,
	CONSTRAINT "certificate_counter_pkey" PRIMARY KEY("authority_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"entity_type" text,
	"entity_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_dedupe_key_uq" UNIQUE("dedupe_key"),
	CONSTRAINT "notification_status_ck" CHECK ("notification"."status" IN ('pending','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "registration_file" (
	"registration_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" text NOT NULL,
	"attached_by" uuid NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	"detached_at" timestamp with time zone,
	CONSTRAINT "registration_file_pkey" PRIMARY KEY("registration_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "result_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"authority_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"result_title_vi" text NOT NULL,
	"result_title_en" text,
	"abstract_vi" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"has_technology_process" boolean DEFAULT false NOT NULL,
	"full_text_tier" text DEFAULT 'focal_fulltext' NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"archive_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "result_registration_task_uq" UNIQUE("task_id"),
	CONSTRAINT "result_registration_archive_no_uq" UNIQUE("archive_no"),
	CONSTRAINT "result_registration_status_ck" CHECK ("result_registration"."status" IN ('draft','submitted','returned','registered')),
	CONSTRAINT "result_registration_tier_ck" CHECK ("result_registration"."full_text_tier" IN ('public_fulltext','focal_fulltext','restricted'))
);
--> statement-breakpoint
CREATE TABLE "task_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"status" text NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"decision_no" text NOT NULL,
	"decision_date" date NOT NULL,
	"base_version" integer NOT NULL,
	"revision" integer,
	"review_comment" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "task_change_status_ck" CHECK ("task_change"."status" IN ('submitted','applied','returned'))
);
--> statement-breakpoint
CREATE TABLE "task_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "task_import_status_ck" CHECK ("task_import"."status" IN ('validating','importing','done','failed')),
	CONSTRAINT "task_import_format_ck" CHECK ("task_import"."format" IN ('xlsx','csv'))
);
--> statement-breakpoint
CREATE TABLE "task_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"change_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_revision_task_revision_uq" UNIQUE("task_id","revision")
);
--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "accepted_on" date;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "acceptance_decision_no" text;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "acceptance_rating" text;--> statement-breakpoint
ALTER TABLE "application_report" ADD CONSTRAINT "application_report_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_report" ADD CONSTRAINT "application_report_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_report" ADD CONSTRAINT "application_report_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "public"."result_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_authority_unit_id_fkey" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_issued_by_fkey" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_revoked_by_fkey" FOREIGN KEY ("revoked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_copy" ADD CONSTRAINT "certificate_copy_certificate_id_fkey" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_copy" ADD CONSTRAINT "certificate_copy_issued_by_fkey" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_counter" ADD CONSTRAINT "certificate_counter_authority_unit_id_fkey" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_file" ADD CONSTRAINT "registration_file_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "public"."result_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_file" ADD CONSTRAINT "registration_file_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_file" ADD CONSTRAINT "registration_file_attached_by_fkey" FOREIGN KEY ("attached_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_registration" ADD CONSTRAINT "result_registration_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_registration" ADD CONSTRAINT "result_registration_authority_unit_id_fkey" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_registration" ADD CONSTRAINT "result_registration_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_change" ADD CONSTRAINT "task_change_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_change" ADD CONSTRAINT "task_change_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_change" ADD CONSTRAINT "task_change_reviewed_by_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_import" ADD CONSTRAINT "task_import_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_revision" ADD CONSTRAINT "task_revision_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_revision" ADD CONSTRAINT "task_revision_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_report_status_idx" ON "application_report" USING btree ("status");--> statement-breakpoint
CREATE INDEX "notification_status_idx" ON "notification" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "result_registration_authority_idx" ON "result_registration" USING btree ("authority_unit_id","status");--> statement-breakpoint
CREATE INDEX "task_change_task_idx" ON "task_change" USING btree ("task_id","submitted_at");--> statement-breakpoint
CREATE INDEX "task_import_created_by_idx" ON "task_import" USING btree ("created_by","created_at");--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_acceptance_rating_ck" CHECK ("task"."acceptance_rating" IS NULL OR "task"."acceptance_rating" IN ('excellent','pass','fail'));