-- The database is the last word on double-booking. A pending booking holds
-- its time like an approved one. A mentor's one-to-one bookings never overlap
-- (bookings of a published group session share its time, and its seats are
-- counted under a row lock instead); a mentee's bookings never overlap at all.
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_status_check"
  CHECK ("status" IN ('pending', 'approved', 'rejected', 'declined', 'withdrawn', 'expired',
                      'cancelled', 'completed', 'no_show_mentor', 'no_show_mentee'));
--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_mentor_no_overlap"
  EXCLUDE USING gist ("mentor_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'approved') AND "session_id" IS NULL);
--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_mentee_no_overlap"
  EXCLUDE USING gist ("mentee_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'approved'));
