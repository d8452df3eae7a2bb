CREATE TABLE "org_video_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"zoom_account_id" text,
	"zoom_client_id" text,
	"zoom_client_secret_sealed" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "meeting_provider" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "meeting_external_id" text;--> statement-breakpoint
ALTER TABLE "org_video_settings" ADD CONSTRAINT "org_video_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;