CREATE TABLE "stat_cell" (
	"report_id" uuid NOT NULL,
	"row_code" text NOT NULL,
	"col_code" text NOT NULL,
	"state" text NOT NULL,
	"value" numeric,
	CONSTRAINT "stat_cell_pkey" PRIMARY KEY("report_id","row_code","col_code"),
	CONSTRAINT "stat_cell_state_ck" CHECK ("stat_cell"."state" IN ('value','not_applicable','confidential')),
	CONSTRAINT "stat_cell_value_ck" CHECK (("stat_cell"."state" = 'value' AND "stat_cell"."value" IS NOT NULL) OR ("stat_cell"."state" = 'not_applicable' AND "stat_cell"."value" IS NULL) OR "stat_cell"."state" = 'confidential')
);
--> statement-breakpoint
CREATE TABLE "stat_form" (
	"code" text NOT NULL,
	"version" text NOT NULL,
	"definition" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_form_pkey" PRIMARY KEY("code","version"),
	CONSTRAINT "stat_form_validity_ck" CHECK ("stat_form"."valid_to" IS NULL OR "stat_form"."valid_to" >= "stat_form"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "stat_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_deadline" date NOT NULL,
	"province_deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_period_year_uq" UNIQUE("year"),
	CONSTRAINT "stat_period_status_ck" CHECK ("stat_period"."status" IN ('open','closed')),
	CONSTRAINT "stat_period_year_ck" CHECK ("stat_period"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "stat_period_deadlines_ck" CHECK ("stat_period"."province_deadline" >= "stat_period"."unit_deadline")
);
--> statement-breakpoint
CREATE TABLE "stat_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"form_code" text NOT NULL,
	"form_version" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_report_period_org_form_uq" UNIQUE("period_id","organization_id","form_code"),
	CONSTRAINT "stat_report_status_ck" CHECK ("stat_report"."status" IN ('draft','submitted','returned','approved','accepted'))
);
--> statement-breakpoint
ALTER TABLE "stat_cell" ADD CONSTRAINT "stat_cell_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "public"."stat_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_period" ADD CONSTRAINT "stat_period_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "public"."stat_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_form_fkey" FOREIGN KEY ("form_code","form_version") REFERENCES "public"."stat_form"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_accepted_by_fkey" FOREIGN KEY ("accepted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_report_period_status_idx" ON "stat_report" USING btree ("period_id","status");--> statement-breakpoint
CREATE INDEX "stat_report_organization_idx" ON "stat_report" USING btree ("organization_id","form_code");