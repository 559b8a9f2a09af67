CREATE TABLE "macros" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "macros_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"mode" text DEFAULT 'manual' NOT NULL,
	"watch_fields" text[] DEFAULT '{}' NOT NULL,
	"conditions" jsonb DEFAULT '{"all":[],"any":[]}'::jsonb NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"else_actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" jsonb NOT NULL,
	"template_ids" bigint[] DEFAULT '{}' NOT NULL,
	"owner_agent_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "macros_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "sla_deadlines" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sla_deadlines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"policy_id" bigint NOT NULL,
	"metric" text NOT NULL,
	"action_index" integer,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_deadlines_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sla_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"conditions" jsonb DEFAULT '{"all":[],"any":[]}'::jsonb NOT NULL,
	"targets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"business_hours" boolean DEFAULT false NOT NULL,
	"pause_on_pending" boolean DEFAULT true NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"url" text NOT NULL,
	"method" text DEFAULT 'POST' NOT NULL,
	"headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auth" jsonb DEFAULT '{"type":"none"}'::jsonb NOT NULL,
	"content_type" text DEFAULT 'application/json' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "workflow_passages" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "workflow_passages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"node_id" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"outcome" text,
	"agent_id" bigint,
	CONSTRAINT "workflow_passages_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "workflow_versions" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "workflow_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workflow_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"graph" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_versions_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "workflows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"template_id" bigint NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"draft" jsonb DEFAULT '{"nodes":[],"edges":[]}'::jsonb NOT NULL,
	"current_version_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflows_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"target_id" bigint,
	"ticket_id" bigint,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_attempts" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "outbox_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"outbox_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"response" text,
	"error" text,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_attempts_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "sent_messages" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sent_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"ticket_id" bigint,
	"contact_id" bigint,
	"outbox_id" bigint,
	"provider_ref" text,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sent_messages_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_policy_id" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "workflow_version_id" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "workflow_node_id" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "workflow_node_entered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "workflow_node_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "macros" ADD CONSTRAINT "macros_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "macros" ADD CONSTRAINT "macros_vendor_id_owner_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","owner_agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE set null ("owner_agent_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_deadlines" ADD CONSTRAINT "sla_deadlines_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_deadlines" ADD CONSTRAINT "sla_deadlines_vendor_id_ticket_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","ticket_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_deadlines" ADD CONSTRAINT "sla_deadlines_vendor_id_policy_id_sla_policies_vendor_id_id_fk" FOREIGN KEY ("vendor_id","policy_id") REFERENCES "public"."sla_policies"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_passages" ADD CONSTRAINT "workflow_passages_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_passages" ADD CONSTRAINT "workflow_passages_vendor_id_ticket_id_tickets_vendor_id_id_fk" FOREIGN KEY ("vendor_id","ticket_id") REFERENCES "public"."tickets"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_passages" ADD CONSTRAINT "workflow_passages_vendor_id_version_id_workflow_versions_vendor_id_id_fk" FOREIGN KEY ("vendor_id","version_id") REFERENCES "public"."workflow_versions"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_vendor_id_workflow_id_workflows_vendor_id_id_fk" FOREIGN KEY ("vendor_id","workflow_id") REFERENCES "public"."workflows"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_vendor_id_created_by_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","created_by") REFERENCES "public"."agents"("vendor_id","id") ON DELETE set null ("created_by") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_vendor_id_template_id_ticket_templates_vendor_id_id_fk" FOREIGN KEY ("vendor_id","template_id") REFERENCES "public"."ticket_templates"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_attempts" ADD CONSTRAINT "outbox_attempts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_attempts" ADD CONSTRAINT "outbox_attempts_vendor_id_outbox_id_outbox_vendor_id_id_fk" FOREIGN KEY ("vendor_id","outbox_id") REFERENCES "public"."outbox"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sent_messages" ADD CONSTRAINT "sent_messages_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "macros_title" ON "macros" USING btree ("vendor_id","title");--> statement-breakpoint
CREATE INDEX "macros_order" ON "macros" USING btree ("vendor_id","sort_order","id");--> statement-breakpoint
CREATE INDEX "sla_deadlines_due" ON "sla_deadlines" USING btree ("due_at") WHERE "sla_deadlines"."fired_at" is null;--> statement-breakpoint
CREATE INDEX "sla_deadlines_ticket" ON "sla_deadlines" USING btree ("vendor_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_title" ON "sla_policies" USING btree ("vendor_id","title");--> statement-breakpoint
CREATE INDEX "sla_policies_order" ON "sla_policies" USING btree ("vendor_id","sort_order","id");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_title" ON "targets" USING btree ("vendor_id","title");--> statement-breakpoint
CREATE INDEX "workflow_passages_ticket" ON "workflow_passages" USING btree ("vendor_id","ticket_id","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_versions_number" ON "workflow_versions" USING btree ("vendor_id","workflow_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "workflows_template" ON "workflows" USING btree ("vendor_id","template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency" ON "outbox" USING btree ("vendor_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_target" ON "outbox" USING btree ("vendor_id","target_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_ticket" ON "outbox" USING btree ("vendor_id","ticket_id");--> statement-breakpoint
CREATE INDEX "outbox_attempts_outbox" ON "outbox_attempts" USING btree ("vendor_id","outbox_id");--> statement-breakpoint
CREATE INDEX "sent_messages_ticket" ON "sent_messages" USING btree ("vendor_id","ticket_id");--> statement-breakpoint
CREATE INDEX "sent_messages_created" ON "sent_messages" USING btree ("vendor_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sent_messages_outbox" ON "sent_messages" USING btree ("vendor_id","outbox_id");--> statement-breakpoint
CREATE INDEX "tickets_sla_due" ON "tickets" USING btree ("vendor_id","sla_due_at") WHERE "tickets"."sla_due_at" is not null;