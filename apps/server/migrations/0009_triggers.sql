CREATE TABLE "assignment_cursors" (
	"vendor_id" bigint NOT NULL,
	"group_id" bigint NOT NULL,
	"last_agent_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_cursors_vendor_id_group_id_pk" PRIMARY KEY("vendor_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "triggers" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "triggers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "triggers_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
ALTER TABLE "assignment_cursors" ADD CONSTRAINT "assignment_cursors_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_cursors" ADD CONSTRAINT "assignment_cursors_vendor_id_group_id_groups_vendor_id_id_fk" FOREIGN KEY ("vendor_id","group_id") REFERENCES "public"."groups"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_vendor_id_created_by_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","created_by") REFERENCES "public"."agents"("vendor_id","id") ON DELETE set null ("created_by") ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "triggers_title" ON "triggers" USING btree ("vendor_id","title");--> statement-breakpoint
CREATE INDEX "triggers_order" ON "triggers" USING btree ("vendor_id","sort_order","id");