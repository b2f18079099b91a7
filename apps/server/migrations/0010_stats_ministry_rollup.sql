ALTER TABLE "stat_report" ADD COLUMN "aggregated_ministry_id" uuid;--> statement-breakpoint
ALTER TABLE "stat_report" ADD CONSTRAINT "stat_report_aggregated_ministry_id_fkey" FOREIGN KEY ("aggregated_ministry_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "stat_report" r SET "aggregated_ministry_id" = o."managing_unit_id" FROM "organization" o JOIN "org_unit" u ON u."id" = o."managing_unit_id"
  WHERE o."id" = r."organization_id" AND u."kind" = 'ministry' AND r."status" IN ('approved','accepted');--> statement-breakpoint
INSERT INTO "stat_aggregate" ("period_id", "form_code", "unit_id", "row_code", "col_code", "value_sum", "reporting", "confidential")
  SELECT r."period_id", r."form_code", r."aggregated_ministry_id", c."row_code", c."col_code",
    coalesce(sum(CASE WHEN c."state" = 'not_applicable' THEN 0 ELSE c."value" END), 0),
    count(*) FILTER (WHERE c."state" = 'not_applicable' OR c."value" IS NOT NULL),
    count(*) FILTER (WHERE c."state" = 'confidential')
  FROM "stat_report" r JOIN "stat_cell" c ON c."report_id" = r."id"
  WHERE r."aggregated_ministry_id" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO "stat_aggregate_area" ("period_id", "form_code", "form_version", "unit_id", "reports")
  SELECT "period_id", "form_code", "form_version", "aggregated_ministry_id", count(*) FROM "stat_report"
  WHERE "aggregated_ministry_id" IS NOT NULL GROUP BY 1, 2, 3, 4;
