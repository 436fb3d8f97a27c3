-- 0003: whether (1) or not (0) an event mention's target came from the article's dyad rather than its
-- sentence (attache::doc::Event::target_inferred). Mentions stored before it count as not inferred.
ALTER TABLE event_mentions ADD COLUMN target_inferred BIGINT NOT NULL DEFAULT 0;
