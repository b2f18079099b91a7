CREATE TABLE "stat_aggregate" (
	"period_id" uuid NOT NULL,
	"form_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"row_code" text NOT NULL,
	"col_code" text NOT NULL,
	"value_sum" numeric DEFAULT 0 NOT NULL,
	"reporting" integer DEFAULT 0 NOT NULL,
	"confidential" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_aggregate_pkey" PRIMARY KEY("period_id","form_code","unit_id","row_code","col_code"),
	CONSTRAINT "stat_aggregate_counts_ck" CHECK ("stat_aggregate"."reporting" >= 0 AND "stat_aggregate"."confidential" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stat_aggregate_area" (
	"period_id" uuid NOT NULL,
	"form_code" text NOT NULL,
	"form_version" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_aggregate_area_pkey" PRIMARY KEY("period_id","form_code","form_version","unit_id"),
	CONSTRAINT "stat_aggregate_area_reports_ck" CHECK ("stat_aggregate_area"."reports" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stat_release" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"form_code" text NOT NULL,
	"form_version" text NOT NULL,
	"dataflow" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"note_vi" text,
	"note_en" text,
	"embargo_until" timestamp with time zone NOT NULL,
	"as_of" date NOT NULL,
	"suppress_below" integer,
	"reports" integer NOT NULL,
	"assigned" integer NOT NULL,
	"data" jsonb NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_release_withdrawn_ck" CHECK (("stat_release"."withdrawn_at" IS NULL) = ("stat_release"."withdraw_reason" IS NULL)),
	CONSTRAINT "stat_release_suppress_ck" CHECK ("stat_release"."suppress_below" IS NULL OR "stat_release"."suppress_below" BETWEEN 2 AND 20)
);
--> statement-breakpoint
ALTER TABLE "stat_period" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stat_period" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "stat_report" ADD COLUMN "aggregated_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "stat_aggregate" ADD CONSTRAINT "stat_aggregate_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "public"."stat_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_aggregate" ADD CONSTRAINT "stat_aggregate_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_aggregate_area" ADD CONSTRAINT "stat_aggregate_area_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "public"."stat_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_aggregate_area" ADD CONSTRAINT "stat_aggregate_area_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_release" ADD CONSTRAINT "stat_release_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "public"."stat_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_release" ADD CONSTRAINT "stat_release_form_fkey" FOREIGN KEY ("form_code","form_version") REFERENCES "public"."stat_form"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_release" ADD CONSTRAINT "stat_release_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_release_public_idx" ON "stat_release" USING btree ("embargo_until");--> statement-breakpoint
CREATE INDEX "stat_release_period_form_idx" ON "stat_release" USING btree ("period_id","form_code");--> statement-breakpoint
ALTER TABLE "stat_period" ADD CONSTRAINT "stat_period_closed_by_fkey" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_aggregated_unit_id_fkey" FOREIGN KEY ("aggregated_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "stat_period" SET "closed_at" = "updated_at" WHERE "status" = 'closed' AND "closed_at" IS NULL;--> statement-breakpoint
UPDATE "stat_report" r SET "aggregated_unit_id" = o."province_unit_id" FROM "organization" o WHERE o."id" = r."organization_id" AND r."status" IN ('approved','accepted');--> statement-breakpoint
INSERT INTO "stat_aggregate" ("period_id", "form_code", "unit_id", "row_code", "col_code", "value_sum", "reporting", "confidential")
  SELECT r."period_id", r."form_code", r."aggregated_unit_id", c."row_code", c."col_code",
    coalesce(sum(CASE WHEN c."state" = 'not_applicable' THEN 0 ELSE c."value" END), 0),
    count(*) FILTER (WHERE c."state" = 'not_applicable' OR c."value" IS NOT NULL),
    count(*) FILTER (WHERE c."state" = 'confidential')
  FROM "stat_report" r JOIN "stat_cell" c ON c."report_id" = r."id"
  WHERE r."aggregated_unit_id" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO "stat_aggregate_area" ("period_id", "form_code", "form_version", "unit_id", "reports")
  SELECT "period_id", "form_code", "form_version", "aggregated_unit_id", count(*) FROM "stat_report"
  WHERE "aggregated_unit_id" IS NOT NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
ALTER TABLE "stat_period" ADD CONSTRAINT "stat_period_closed_ck" CHECK (("stat_period"."status" = 'closed') = ("stat_period"."closed_at" IS NOT NULL));
