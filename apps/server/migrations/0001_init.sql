CREATE SEQUENCE "public"."organization_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."researcher_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_token_token_hash_uq" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"scope_unit_id" uuid,
	"organization_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_uq" UNIQUE("username"),
	CONSTRAINT "app_user_scope_ck" CHECK (("app_user"."role" <> 'focal_officer' OR "app_user"."scope_unit_id" IS NOT NULL) AND ("app_user"."role" <> 'org_reporter' OR "app_user"."organization_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"changed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "classification_code" (
	"scheme_code" text NOT NULL,
	"code" text NOT NULL,
	"label_vi" text NOT NULL,
	"label_en" text NOT NULL,
	"parent_code" text,
	"level" integer NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "classification_code_pkey" PRIMARY KEY("scheme_code","code")
);
--> statement-breakpoint
CREATE TABLE "classification_crosswalk" (
	"from_scheme" text NOT NULL,
	"from_code" text NOT NULL,
	"to_scheme" text NOT NULL,
	"to_code" text NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "classification_crosswalk_pkey" PRIMARY KEY("from_scheme","from_code","to_scheme","to_code")
);
--> statement-breakpoint
CREATE TABLE "classification_scheme" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"version" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "focal_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"organization_id" uuid,
	"name_vi" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"decision_no" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "focal_point_validity_ck" CHECK ("focal_point"."valid_to" IS NULL OR "focal_point"."valid_to" >= "focal_point"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "focal_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"focal_point_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"email" text,
	"phone" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"short_name_vi" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"is_central_city" boolean DEFAULT false NOT NULL,
	"is_excluded_from_network" boolean DEFAULT false NOT NULL,
	"seed_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_kind_code_valid_from_uq" UNIQUE("kind","code","valid_from"),
	CONSTRAINT "org_unit_seed_key_uq" UNIQUE("seed_key"),
	CONSTRAINT "org_unit_validity_ck" CHECK ("org_unit"."valid_to" IS NULL OR "org_unit"."valid_to" >= "org_unit"."valid_from"),
	CONSTRAINT "org_unit_kind_ck" CHECK ("org_unit"."kind" IN ('national','ministry','province'))
);
--> statement-breakpoint
CREATE TABLE "org_unit_succession" (
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"note" text,
	CONSTRAINT "org_unit_succession_pkey" PRIMARY KEY("predecessor_id","successor_id"),
	CONSTRAINT "org_unit_succession_not_self_ck" CHECK ("org_unit_succession"."predecessor_id" <> "org_unit_succession"."successor_id")
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_abbr" text,
	"name_en" text,
	"address" text,
	"province_unit_id" uuid NOT NULL,
	"managing_unit_id" uuid NOT NULL,
	"phone" text,
	"fax" text,
	"email" text,
	"website" text,
	"founding_decision_no" text,
	"founding_date" date,
	"founding_authority_code" text,
	"org_type_code" text NOT NULL,
	"economic_type_code" text NOT NULL,
	"tax_code" text,
	"st_reg_cert_no" text,
	"st_reg_cert_date" date,
	"st_reg_cert_issuer" text,
	"main_field_code" text NOT NULL,
	"internal_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_code_uq" UNIQUE("code"),
	CONSTRAINT "organization_tax_code_uq" UNIQUE("tax_code")
);
--> statement-breakpoint
CREATE TABLE "researcher" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_year" integer,
	"qualification_code" text,
	"academic_title_code" text,
	"field_code" text,
	"organization_id" uuid NOT NULL,
	"position" text,
	"orcid" text,
	"email" text,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "researcher_code_uq" UNIQUE("code"),
	CONSTRAINT "researcher_orcid_uq" UNIQUE("orcid"),
	CONSTRAINT "researcher_gender_ck" CHECK ("researcher"."gender" IN ('M','F'))
);
--> statement-breakpoint
CREATE TABLE "staff_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"course_title" text NOT NULL,
	"provider" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"hours" numeric,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_training_dates_ck" CHECK ("staff_training"."end_date" IS NULL OR "staff_training"."end_date" >= "staff_training"."start_date")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_code" ADD CONSTRAINT "classification_code_scheme_code_fkey" FOREIGN KEY ("scheme_code") REFERENCES "public"."classification_scheme"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_code" ADD CONSTRAINT "classification_code_parent_fkey" FOREIGN KEY ("scheme_code","parent_code") REFERENCES "public"."classification_code"("scheme_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_crosswalk" ADD CONSTRAINT "classification_crosswalk_from_fkey" FOREIGN KEY ("from_scheme","from_code") REFERENCES "public"."classification_code"("scheme_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_crosswalk" ADD CONSTRAINT "classification_crosswalk_to_fkey" FOREIGN KEY ("to_scheme","to_code") REFERENCES "public"."classification_code"("scheme_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_point" ADD CONSTRAINT "focal_point_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_point" ADD CONSTRAINT "focal_point_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_staff" ADD CONSTRAINT "focal_staff_focal_point_id_fkey" FOREIGN KEY ("focal_point_id") REFERENCES "public"."focal_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_province_unit_id_fkey" FOREIGN KEY ("province_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_managing_unit_id_fkey" FOREIGN KEY ("managing_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "researcher" ADD CONSTRAINT "researcher_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_training" ADD CONSTRAINT "staff_training_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "public"."focal_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "focal_point_org_unit_idx" ON "focal_point" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "focal_staff_focal_point_idx" ON "focal_staff" USING btree ("focal_point_id");--> statement-breakpoint
CREATE INDEX "org_unit_validity_idx" ON "org_unit" USING btree ("kind","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "org_unit_succession_successor_idx" ON "org_unit_succession" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "organization_managing_unit_idx" ON "organization" USING btree ("managing_unit_id");--> statement-breakpoint
CREATE INDEX "organization_province_unit_idx" ON "organization" USING btree ("province_unit_id");--> statement-breakpoint
CREATE INDEX "organization_name_search_idx" ON "organization" USING gin (lower(immutable_unaccent("name_vi")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "researcher_organization_idx" ON "researcher" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "researcher_name_search_idx" ON "researcher" USING gin (lower(immutable_unaccent("full_name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "staff_training_staff_idx" ON "staff_training" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" USING btree ("user_id");