CREATE TABLE "companies" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "companies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"group_id" bigint,
	"name" text NOT NULL,
	"address" text,
	"province" text,
	"city" text,
	"website" text,
	"phone" text,
	"package" text,
	"service_start" date,
	"service_end" date,
	"service_code" text,
	"service_account" text,
	"service_password_hash" text,
	"owner_agent_id" bigint,
	"owner_group_id" bigint,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"source" text,
	"notes" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint,
	"name" text NOT NULL,
	"mobile" text,
	"landline" text,
	"email" text,
	"qq" text,
	"position" text,
	"gender" text,
	"birthday" date,
	"id_number" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_id" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "customer_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"parent_id" bigint,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "customer_groups_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_settings" (
	"vendor_id" bigint PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"vendor_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"contact_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identities_vendor_id_kind_value_pk" PRIMARY KEY("vendor_id","kind","value")
);
--> statement-breakpoint
CREATE TABLE "service_packages" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "service_packages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_packages_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_definitions" (
	"vendor_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_definitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"key_locked" boolean DEFAULT false NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"system" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"read_only" jsonb DEFAULT '{"all":false,"groupIds":[],"agentIds":[]}'::jsonb NOT NULL,
	"regex" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	CONSTRAINT "field_definitions_vendor_id_id_pk" PRIMARY KEY("vendor_id","id")
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_vendor_id_group_id_customer_groups_vendor_id_id_fk" FOREIGN KEY ("vendor_id","group_id") REFERENCES "public"."customer_groups"("vendor_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_vendor_id_owner_agent_id_agents_vendor_id_id_fk" FOREIGN KEY ("vendor_id","owner_agent_id") REFERENCES "public"."agents"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_vendor_id_owner_group_id_groups_vendor_id_id_fk" FOREIGN KEY ("vendor_id","owner_group_id") REFERENCES "public"."groups"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_vendor_id_company_id_companies_vendor_id_id_fk" FOREIGN KEY ("vendor_id","company_id") REFERENCES "public"."companies"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_vendor_id_parent_id_customer_groups_vendor_id_id_fk" FOREIGN KEY ("vendor_id","parent_id") REFERENCES "public"."customer_groups"("vendor_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_settings" ADD CONSTRAINT "customer_settings_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_vendor_id_contact_id_contacts_vendor_id_id_fk" FOREIGN KEY ("vendor_id","contact_id") REFERENCES "public"."contacts"("vendor_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_packages" ADD CONSTRAINT "service_packages_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_definitions" ADD CONSTRAINT "field_definitions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_service_code" ON "companies" USING btree ("vendor_id","service_code");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_service_account" ON "companies" USING btree ("vendor_id","service_account");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_external_id" ON "companies" USING btree ("vendor_id","external_id");--> statement-breakpoint
CREATE INDEX "companies_name" ON "companies" USING btree ("vendor_id","name");--> statement-breakpoint
CREATE INDEX "companies_service_end" ON "companies" USING btree ("vendor_id","service_end");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_external_id" ON "contacts" USING btree ("vendor_id","external_id");--> statement-breakpoint
CREATE INDEX "contacts_company" ON "contacts" USING btree ("vendor_id","company_id");--> statement-breakpoint
CREATE INDEX "contacts_name" ON "contacts" USING btree ("vendor_id","name");--> statement-breakpoint
CREATE INDEX "identities_contact" ON "identities" USING btree ("vendor_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_packages_name" ON "service_packages" USING btree ("vendor_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "field_definitions_key" ON "field_definitions" USING btree ("vendor_id","entity","key");