-- One mentor never has two live sessions at overlapping times, whatever the
-- concurrency: the database refuses the second (SQLSTATE 23P01), and the
-- service turns that into a 409 naming the clash. Half-open ranges: a session
-- ending at 10:00 and one starting at 10:00 do not overlap.
ALTER TABLE "mentoring_sessions"
  ADD CONSTRAINT "mentoring_sessions_no_overlap"
  EXCLUDE USING gist ("mentor_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled');
