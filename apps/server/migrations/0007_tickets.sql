CREATE TABLE "print_templates" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "print_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"body" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "print_templates_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "service_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint,
	"channel" text NOT NULL,
	"contact_id" bigint,
	"company_id" bigint,
	"agent_id" bigint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"summary" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_records_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"vendor_id" bigint PRIMARY KEY NOT NULL,
	"last" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ticket_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_agent_id" bigint,
	"actor_contact_id" bigint,
	"via" text,
	"public" boolean DEFAULT false NOT NULL,
	"body" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_id" bigint,
	"related_ticket_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_events_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "ticket_templates" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ticket_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"owner_agent_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_templates_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "ticket_views" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ticket_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"system_key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"conditions" jsonb NOT NULL,
	"template_id" bigint,
	"columns" text[] DEFAULT '{}' NOT NULL,
	"group_by" text,
	"sort_field" text DEFAULT 'updatedAt' NOT NULL,
	"sort_direction" text DEFAULT 'desc' NOT NULL,
	"visibility" jsonb NOT NULL,
	"category" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"owner_agent_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_views_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" bigint NOT NULL,
	"subject" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"type" text DEFAULT 'question' NOT NULL,
	"source" text DEFAULT 'agent' NOT NULL,
	"template_id" bigint,
	"contact_id" bigint,
	"company_id" bigint,
	"assignee_id" bigint,
	"group_id" bigint,
	"cc_agent_ids" bigint[] DEFAULT '{}' NOT NULL,
	"cc_group_ids" bigint[] DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parent_id" bigint,
	"merged_into_id" bigint,
	"creator_agent_id" bigint,
	"creator_contact_id" bigint,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_reply_at" timestamp with time zone,
	"solved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_at" timestamp with time zone,
	"satisfaction" jsonb,
	"search" "tsvector",
	CONSTRAINT "tickets_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"vendor_id" bigint NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
ALTER TABLE "field_definitions" ADD COLUMN "config" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "print_templates" ADD CONSTRAINT "print_templates_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_vendor_id_ticket_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","ticket_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE set null ("ticket_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_vendor_id_contact_id_contacts_vendor_id_id_fk" FOREIGN KEY ("vendor_id","contact_id") REFERENCES "public"."contacts"("vendor_id","id") ON DELETE set null ("contact_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_vendor_id_company_id_companies_vendor_id_id_fk" FOREIGN KEY ("vendor_id","company_id") REFERENCES "public"."companies"("vendor_id","id") ON DELETE set null ("company_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_vendor_id_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_counters" ADD CONSTRAINT "ticket_counters_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_vendor_id_ticket_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","ticket_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_vendor_id_actor_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","actor_agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_vendor_id_actor_contact_id_contacts_vendor_id_id_fk" FOREIGN KEY ("vendor_id","actor_contact_id") REFERENCES "public"."contacts"("vendor_id","id") ON DELETE set null ("actor_contact_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_vendor_id_record_id_service_records_vendor_id_id_fk" FOREIGN KEY ("vendor_id","record_id") REFERENCES "public"."service_records"("vendor_id","id") ON DELETE set null ("record_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_templates" ADD CONSTRAINT "ticket_templates_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_templates" ADD CONSTRAINT "ticket_templates_vendor_id_owner_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","owner_agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE set null ("owner_agent_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_views" ADD CONSTRAINT "ticket_views_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_views" ADD CONSTRAINT "ticket_views_vendor_id_template_id_ticket_templates_vendor_id_id_fk" FOREIGN KEY ("vendor_id","template_id") REFERENCES "public"."ticket_templates"("vendor_id","id") ON DELETE set null ("template_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_views" ADD CONSTRAINT "ticket_views_vendor_id_owner_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","owner_agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_template_id_ticket_templates_vendor_id_id_fk" FOREIGN KEY ("vendor_id","template_id") REFERENCES "public"."ticket_templates"("vendor_id","id") ON DELETE set null ("template_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_contact_id_contacts_vendor_id_id_fk" FOREIGN KEY ("vendor_id","contact_id") REFERENCES "public"."contacts"("vendor_id","id") ON DELETE set null ("contact_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_company_id_companies_vendor_id_id_fk" FOREIGN KEY ("vendor_id","company_id") REFERENCES "public"."companies"("vendor_id","id") ON DELETE set null ("company_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_assignee_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","assignee_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_group_id_groups_vendor_id_id_fk" FOREIGN KEY ("vendor_id","group_id") REFERENCES "public"."groups"("vendor_id","id") ON DELETE set null ("group_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_parent_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","parent_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_merged_into_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","merged_into_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_creator_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","creator_agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_vendor_id_creator_contact_id_contacts_vendor_id_id_fk" FOREIGN KEY ("vendor_id","creator_contact_id") REFERENCES "public"."contacts"("vendor_id","id") ON DELETE set null ("creator_contact_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "print_templates_name" ON "print_templates" USING btree ("vendor_id","name");--> statement-breakpoint
CREATE INDEX "service_records_ticket" ON "service_records" USING btree ("vendor_id","ticket_id");--> statement-breakpoint
CREATE INDEX "service_records_company" ON "service_records" USING btree ("vendor_id","company_id","started_at");--> statement-breakpoint
CREATE INDEX "service_records_contact" ON "service_records" USING btree ("vendor_id","contact_id","started_at");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket" ON "ticket_events" USING btree ("vendor_id","ticket_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_templates_name" ON "ticket_templates" USING btree ("vendor_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_views_system_key" ON "ticket_views" USING btree ("vendor_id","system_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_number" ON "tickets" USING btree ("vendor_id","number");--> statement-breakpoint
CREATE INDEX "tickets_status" ON "tickets" USING btree ("vendor_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "tickets_assignee" ON "tickets" USING btree ("vendor_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "tickets_group" ON "tickets" USING btree ("vendor_id","group_id","status");--> statement-breakpoint
CREATE INDEX "tickets_contact" ON "tickets" USING btree ("vendor_id","contact_id");--> statement-breakpoint
CREATE INDEX "tickets_company" ON "tickets" USING btree ("vendor_id","company_id");--> statement-breakpoint
CREATE INDEX "tickets_parent" ON "tickets" USING btree ("vendor_id","parent_id");--> statement-breakpoint
CREATE INDEX "tickets_created" ON "tickets" USING btree ("vendor_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_search" ON "tickets" USING gin ("search");--> statement-breakpoint
CREATE INDEX "tickets_cc_agents" ON "tickets" USING gin ("cc_agent_ids");--> statement-breakpoint
ALTER TABLE "companies" DROP CONSTRAINT "companies_vendor_id_group_id_customer_groups_vendor_id_id_fk";--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_vendor_id_group_id_customer_groups_vendor_id_id_fk" FOREIGN KEY ("vendor_id","group_id") REFERENCES "public"."customer_groups"("vendor_id","id") ON DELETE set null ("group_id") ON UPDATE no action;
