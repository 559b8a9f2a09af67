CREATE TABLE "automation_firings" (
	"vendor_id" bigint NOT NULL,
	"automation_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"state_key" text NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automation_firings_vendor_id_automation_id_ticket_id_state_key_pk" PRIMARY KEY("vendor_id","automation_id","ticket_id","state_key")
);
--> statement-breakpoint
CREATE TABLE "automations" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "automations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automations_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
ALTER TABLE "automation_firings" ADD CONSTRAINT "automation_firings_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_firings" ADD CONSTRAINT "automation_firings_vendor_id_automation_id_automations_vendor_id_id_fk" FOREIGN KEY ("vendor_id","automation_id") REFERENCES "public"."automations"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_firings" ADD CONSTRAINT "automation_firings_vendor_id_ticket_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","ticket_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_vendor_id_created_by_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","created_by") REFERENCES "public"."agents"("vendor_id","id") ON DELETE set null ("created_by") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automation_firings_ticket" ON "automation_firings" USING btree ("vendor_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "automations_title" ON "automations" USING btree ("vendor_id","title");--> statement-breakpoint
CREATE INDEX "automations_order" ON "automations" USING btree ("vendor_id","sort_order","id");