ALTER TABLE "session_enrollments" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD COLUMN "outcome_by" uuid;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD COLUMN "outcome_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD COLUMN "stars" smallint;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD COLUMN "feedback" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD CONSTRAINT "session_enrollments_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_enrollments" ADD CONSTRAINT "session_enrollments_stars_check" CHECK ("session_enrollments"."stars" between 1 and 5);