CREATE TABLE "search_doc" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"title_folded" text GENERATED ALWAYS AS (lower(immutable_unaccent(title))) STORED NOT NULL,
	"doc_folded" text GENERATED ALWAYS AS (lower(immutable_unaccent(title || ' ' || body))) STORED NOT NULL,
	"level_code" text,
	"field_tops" text[] DEFAULT '{}'::text[] NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer,
	"end_date" date,
	"status" text,
	CONSTRAINT "search_doc_pk" PRIMARY KEY("entity_type","entity_id"),
	CONSTRAINT "search_doc_entity_type_ck" CHECK ("search_doc"."entity_type" IN ('task','result','organization','researcher'))
);
--> statement-breakpoint
CREATE INDEX "search_doc_doc_trgm_idx" ON "search_doc" USING gin ("doc_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_doc_title_trgm_idx" ON "search_doc" USING gin ("title_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_doc_organization_idx" ON "search_doc" USING btree ("organization_id");--> statement-breakpoint
-- What the public search may hold, defined once: the search index (search_doc) is filled from this view, in the
-- transaction of every change (modules/search/search-index.ts) and here for the records that exist already.
-- Public fields only: published tasks (TT 14/2014 Art 23(2) fields), results registered on a published task whose
-- certificate is not revoked, organizations (no internal note, tax code or founding decision), researchers (name,
-- position, organization; no personal data).
CREATE VIEW "search_doc_source" AS
  SELECT 'task'::text AS entity_type, t.id AS entity_id, t.id AS task_id, t.title_vi AS title,
    concat_ws(' ', t.code, t.pi_name, t.objectives, t.content, t.methods, t.expected_products) AS body,
    t.level_code, ARRAY(SELECT DISTINCT left(c, 1) FROM unnest(t.field_codes_2025) c WHERE c <> '' ORDER BY 1) AS field_tops,
    o.province_unit_id, t.lead_organization_id AS organization_id, extract(year FROM t.start_date)::int AS year,
    t.end_date, NULL::text AS status
  FROM task t JOIN organization o ON o.id = t.lead_organization_id
  WHERE t.status = 'published'
  UNION ALL
  SELECT 'result', r.id, t.id, r.result_title_vi,
    concat_ws(' ', r.abstract_vi, array_to_string(r.keywords, ' '), r.archive_no, t.code, t.title_vi, t.pi_name),
    t.level_code, ARRAY(SELECT DISTINCT left(c, 1) FROM unnest(t.field_codes_2025) c WHERE c <> '' ORDER BY 1),
    o.province_unit_id, t.lead_organization_id,
    extract(year FROM (r.registered_at AT TIME ZONE 'UTC') + interval '7 hours')::int, NULL::date, 'registered'
  FROM result_registration r JOIN task t ON t.id = r.task_id JOIN organization o ON o.id = t.lead_organization_id
  WHERE r.status = 'registered' AND t.status = 'published'
    AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.registration_id = r.id AND c.status = 'revoked')
  UNION ALL
  SELECT 'organization', o.id, NULL::uuid, o.name_vi, concat_ws(' ', o.code, o.name_abbr, o.name_en, o.address),
    NULL::text, ARRAY[left(o.main_field_code, 1)]::text[], o.province_unit_id, o.id, NULL::int, NULL::date, NULL::text
  FROM organization o
  UNION ALL
  SELECT 'researcher', r.id, NULL::uuid, r.full_name, concat_ws(' ', r.code, r.position, o.name_vi),
    NULL::text, CASE WHEN r.field_code IS NULL OR r.field_code = '' THEN '{}'::text[] ELSE ARRAY[left(r.field_code, 1)]::text[] END,
    o.province_unit_id, o.id, NULL::int, NULL::date, NULL::text
  FROM researcher r JOIN organization o ON o.id = r.organization_id;
--> statement-breakpoint
INSERT INTO "search_doc" ("entity_type", "entity_id", "title", "body", "level_code", "field_tops", "province_unit_id", "organization_id", "year", "end_date", "status")
  SELECT entity_type, entity_id, title, body, level_code, field_tops, province_unit_id, organization_id, year, end_date, status FROM search_doc_source;
