-- btree_gist lets exclusion constraints mix equality (mentor_id WITH =) with
-- range overlap (during WITH &&); the bookings migration relies on it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
