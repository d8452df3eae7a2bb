CREATE TABLE "mentor_stats" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"approval_rate" double precision,
	"median_response_minutes" double precision,
	"decided" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentor_stats" ADD CONSTRAINT "mentor_stats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;