-- 0004: how sure the text is that a channel change happened (attache::doc::ChannelChange::status:
-- asserted, intended, proposed, reported, negated, hypothetical). Only asserted changes move a
-- channel's state. Changes stored before it count as asserted.
ALTER TABLE channels ADD COLUMN status TEXT NOT NULL DEFAULT 'asserted';
