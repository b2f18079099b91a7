CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text,
	"level_code" text NOT NULL,
	"form_code" text NOT NULL,
	"programme" text,
	"funding_type" text NOT NULL,
	"approval_decision_no" text,
	"approval_decision_date" date,
	"contract_no" text,
	"contract_date" date,
	"managing_unit_id" uuid NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"pi_name" text NOT NULL,
	"pi_researcher_id" uuid,
	"field_codes_2025" text[] NOT NULL,
	"field_codes_2008" text[] DEFAULT '{}'::text[] NOT NULL,
	"seo_code" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"budget_total" numeric,
	"budget_state_central" numeric,
	"budget_state_local" numeric,
	"budget_other" numeric,
	"objectives" text NOT NULL,
	"content" text NOT NULL,
	"methods" text,
	"expected_products" text NOT NULL,
	"application_plan" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_code_uq" UNIQUE("code"),
	CONSTRAINT "task_dates_ck" CHECK ("task"."end_date" >= "task"."start_date"),
	CONSTRAINT "task_status_ck" CHECK ("task"."status" IN ('draft','submitted','returned','published'))
);
--> statement-breakpoint
CREATE TABLE "task_member" (
	"task_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"full_name" text NOT NULL,
	"researcher_id" uuid,
	"role" text DEFAULT 'member' NOT NULL,
	CONSTRAINT "task_member_pkey" PRIMARY KEY("task_id","position")
);
--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_managing_unit_id_fkey" FOREIGN KEY ("managing_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_lead_organization_id_fkey" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_pi_researcher_id_fkey" FOREIGN KEY ("pi_researcher_id") REFERENCES "public"."researcher"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_member" ADD CONSTRAINT "task_member_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_member" ADD CONSTRAINT "task_member_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "public"."researcher"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_managing_unit_idx" ON "task" USING btree ("managing_unit_id","status");--> statement-breakpoint
CREATE INDEX "task_lead_organization_idx" ON "task" USING btree ("lead_organization_id");--> statement-breakpoint
CREATE INDEX "task_title_search_idx" ON "task" USING gin (lower(immutable_unaccent("title_vi")) gin_trgm_ops);