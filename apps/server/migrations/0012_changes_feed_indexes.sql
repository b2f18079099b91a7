CREATE INDEX "organization_updated_idx" ON "organization" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "researcher_updated_idx" ON "researcher" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "result_registration_updated_idx" ON "result_registration" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "task_updated_idx" ON "task" USING btree ("updated_at","id");