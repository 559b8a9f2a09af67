-- Trigram indexes so "contains" searches on Chinese names stay fast at tens of thousands of customers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "companies_name_trgm" ON "companies" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_name_trgm" ON "contacts" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_mobile" ON "contacts" ("vendor_id", "mobile");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_mobile_reverse" ON "contacts" ("vendor_id", reverse("mobile") text_pattern_ops);
