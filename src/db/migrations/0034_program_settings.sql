ALTER TABLE "programs" ADD COLUMN "auto_approve_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "prices_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_cohort_check" CHECK ("programs"."ends_on" >= "programs"."starts_on");