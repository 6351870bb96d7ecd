-- Async persistence hands out seqs before their messages reach MySQL. Every seq it hands out stays at or below
-- this reservation, so that a counter re-seeded after Redis lost it starts above them all.
ALTER TABLE conversations ADD COLUMN seq_reserved BIGINT NOT NULL DEFAULT 0;
