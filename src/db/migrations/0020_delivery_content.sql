ALTER TABLE "deliveries" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "body_text" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "body_html" text;