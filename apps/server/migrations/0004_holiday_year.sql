CREATE TABLE "holiday_year" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb NOT NULL,
	"extra_working_days" jsonb NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holiday_year_range_ck" CHECK ("holiday_year"."year" BETWEEN 1900 AND 2100)
);
