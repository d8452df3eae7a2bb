ALTER TABLE "messages" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD COLUMN "last_read_seq" bigint DEFAULT 0 NOT NULL;