ALTER TABLE "bookings" ADD COLUMN "first_answered_at" timestamp with time zone;--> statement-breakpoint
UPDATE "bookings" b SET "first_answered_at" = f.at
  FROM (
    SELECT e.booking_id, min(e.at) AS at
    FROM "booking_events" e JOIN "bookings" x ON x.id = e.booking_id
    WHERE e.action IN ('approve', 'reject', 'propose_time') AND e.at > x.created_at
      AND e.actor_id = x.mentor_id
    GROUP BY e.booking_id
  ) f
  WHERE f.booking_id = b.id;--> statement-breakpoint
DROP INDEX "bookings_org_starts_idx";--> statement-breakpoint
DROP INDEX "bookings_org_created_idx";--> statement-breakpoint
CREATE INDEX "bookings_org_starts_idx" ON "bookings" USING btree ("org_id","starts_at","status","program_id","mentee_id","mentor_id","id");--> statement-breakpoint
CREATE INDEX "bookings_org_created_idx" ON "bookings" USING btree ("org_id","created_at","status","late_cancellation","program_id","mentee_id","first_answered_at");
