CREATE TABLE "oai_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"datestamp" timestamp with time zone NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"sets" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "oai_item_entity_uq" UNIQUE("entity_type","entity_id"),
	CONSTRAINT "oai_item_entity_type_ck" CHECK ("oai_item"."entity_type" IN ('organization','person','project','product'))
);
--> statement-breakpoint
CREATE INDEX "oai_item_datestamp_idx" ON "oai_item" USING btree ("datestamp","id");--> statement-breakpoint
CREATE INDEX "oai_item_sets_idx" ON "oai_item" USING gin ("sets");--> statement-breakpoint
CREATE FUNCTION "oai_province_code"("start_id" uuid) RETURNS text LANGUAGE sql STABLE AS $$
  WITH RECURSIVE chain(id, depth) AS (
    SELECT start_id, 0
    UNION ALL
    SELECT s.successor_id, c.depth + 1 FROM chain c JOIN org_unit_succession s ON s.predecessor_id = c.id
    WHERE c.depth < 20 AND s.effective_date <= (now() + interval '7 hours')::date
  )
  SELECT u.code FROM chain c JOIN org_unit u ON u.id = c.id
  WHERE u.kind = 'province' AND u.valid_from <= (now() + interval '7 hours')::date
    AND (u.valid_to IS NULL OR u.valid_to >= (now() + interval '7 hours')::date)
  ORDER BY c.depth, u.code LIMIT 1
$$;--> statement-breakpoint
CREATE FUNCTION "oai_sets"("entity_set" text, "primary_unit" uuid, "fallback_unit" uuid) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN p.code IS NULL THEN ARRAY[entity_set] ELSE ARRAY[entity_set, 'province', 'province:' || p.code] END
  FROM (SELECT coalesce(oai_province_code(primary_unit), oai_province_code(fallback_unit)) AS code) p
$$;--> statement-breakpoint
INSERT INTO "oai_item" ("entity_type", "entity_id", "datestamp", "deleted", "sets")
  SELECT 'organization', o.id, date_trunc('second', now()), false, oai_sets('openaire_cris_orgunits', o.province_unit_id, o.managing_unit_id)
  FROM organization o;--> statement-breakpoint
INSERT INTO "oai_item" ("entity_type", "entity_id", "datestamp", "deleted", "sets")
  SELECT 'person', r.id, date_trunc('second', now()), false, oai_sets('openaire_cris_persons', o.province_unit_id, o.managing_unit_id)
  FROM researcher r JOIN organization o ON o.id = r.organization_id;--> statement-breakpoint
INSERT INTO "oai_item" ("entity_type", "entity_id", "datestamp", "deleted", "sets")
  SELECT 'project', t.id, date_trunc('second', now()), false, oai_sets('openaire_cris_projects', t.managing_unit_id, o.province_unit_id)
  FROM task t JOIN organization o ON o.id = t.lead_organization_id WHERE t.status = 'published';--> statement-breakpoint
INSERT INTO "oai_item" ("entity_type", "entity_id", "datestamp", "deleted", "sets")
  SELECT 'product', rr.id, date_trunc('second', now()), false, oai_sets('openaire_cris_products', t.managing_unit_id, o.province_unit_id)
  FROM result_registration rr JOIN task t ON t.id = rr.task_id JOIN organization o ON o.id = t.lead_organization_id
  LEFT JOIN certificate c ON c.registration_id = rr.id
  WHERE rr.status = 'registered' AND t.status = 'published' AND coalesce(c.status, 'valid') = 'valid';
