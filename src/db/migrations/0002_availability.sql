CREATE TABLE "availability_overrides" (
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"ranges" jsonb NOT NULL,
	CONSTRAINT "availability_overrides_user_id_date_pk" PRIMARY KEY("user_id","date")
);
--> statement-breakpoint
CREATE TABLE "availability_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"slot_lengths" integer[] NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 720 NOT NULL,
	"horizon_days" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_buffers_check" CHECK ("availability_settings"."buffer_before_minutes" between 0 and 240 and "availability_settings"."buffer_after_minutes" between 0 and 240),
	CONSTRAINT "availability_horizon_check" CHECK ("availability_settings"."horizon_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "mentoring_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"created_by" uuid,
	"status" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"location_time_zone" text,
	"enrollment" text NOT NULL,
	"meeting_url" text,
	"capacity" integer DEFAULT 1 NOT NULL,
	"time_zones" text[] DEFAULT '{}'::text[] NOT NULL,
	"series_id" uuid,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_sessions_status_check" CHECK ("mentoring_sessions"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "mentoring_sessions_enrollment_check" CHECK ("mentoring_sessions"."enrollment" in ('online', 'in_person', 'both')),
	CONSTRAINT "mentoring_sessions_time_check" CHECK ("mentoring_sessions"."ends_at" > "mentoring_sessions"."starts_at"),
	CONSTRAINT "mentoring_sessions_capacity_check" CHECK ("mentoring_sessions"."capacity" >= 1),
	CONSTRAINT "mentoring_sessions_meeting_url_check" CHECK ("mentoring_sessions"."enrollment" = 'in_person' or "mentoring_sessions"."meeting_url" is not null)
);
--> statement-breakpoint
CREATE TABLE "session_enrollments" (
	"session_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_enrollments_session_id_mentee_id_pk" PRIMARY KEY("session_id","mentee_id")
);
--> statement-breakpoint
CREATE TABLE "session_groups" (
	"session_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "session_groups_session_id_group_id_pk" PRIMARY KEY("session_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "weekly_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "weekly_hours_weekday_check" CHECK ("weekly_hours"."weekday" between 1 and 7),
	CONSTRAINT "weekly_hours_minutes_check" CHECK ("weekly_hours"."start_minute" between 0 and 1439 and "weekly_hours"."end_minute" between 0 and 1440 and "weekly_hours"."start_minute" <> "weekly_hours"."end_minute")
);
--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD CONSTRAINT "availability_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD CONSTRAINT "session_enrollments_session_id_mentoring_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."mentoring_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD CONSTRAINT "session_enrollments_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD CONSTRAINT "session_enrollments_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_groups" ADD CONSTRAINT "session_groups_session_id_mentoring_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."mentoring_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_groups" ADD CONSTRAINT "session_groups_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_hours" ADD CONSTRAINT "weekly_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentoring_sessions_mentor_idx" ON "mentoring_sessions" USING btree ("mentor_id","starts_at");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_org_idx" ON "mentoring_sessions" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "session_enrollments_mentee_idx" ON "session_enrollments" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "weekly_hours_user_idx" ON "weekly_hours" USING btree ("user_id");