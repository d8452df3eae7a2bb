ALTER TABLE "bookings" ADD COLUMN "move_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "move_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "move_by" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "move_reason" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "moves" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "move_notice_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "max_moves" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_move_check" CHECK (("bookings"."move_starts_at" is null) = ("bookings"."move_ends_at" is null) and ("bookings"."move_starts_at" is null) = ("bookings"."move_by" is null) and ("bookings"."move_starts_at" is null or ("bookings"."status" = 'approved' and "bookings"."move_ends_at" > "bookings"."move_starts_at")));--> statement-breakpoint
-- While an approved session's move is open, both its time and the proposed
-- one are held: the no-overlap constraints of 0006 now cover both (a
-- multirange of the two), so nobody can take either meanwhile and the swap on
-- acceptance never lands on someone else's time.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_mentor_no_overlap";
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_mentee_no_overlap";
--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_mentor_no_overlap"
  EXCLUDE USING gist ("mentor_id" WITH =, (CASE WHEN "move_starts_at" IS NULL
    THEN tstzmultirange(tstzrange("starts_at", "ends_at", '[)'))
    ELSE tstzmultirange(tstzrange("starts_at", "ends_at", '[)'), tstzrange("move_starts_at", "move_ends_at", '[)'))
  END) WITH &&)
  WHERE ("status" IN ('pending', 'approved') AND "session_id" IS NULL);
--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_mentee_no_overlap"
  EXCLUDE USING gist ("mentee_id" WITH =, (CASE WHEN "move_starts_at" IS NULL
    THEN tstzmultirange(tstzrange("starts_at", "ends_at", '[)'))
    ELSE tstzmultirange(tstzrange("starts_at", "ends_at", '[)'), tstzrange("move_starts_at", "move_ends_at", '[)'))
  END) WITH &&)
  WHERE ("status" IN ('pending', 'approved'));
