-- 0002: full-text search of articles and quotations (tsvector + GIN).
ALTER TABLE articles ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(headline, '') || ' ' || text)) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
ALTER TABLE quotes ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || coalesce(speaker_name, ''))) STORED;
CREATE INDEX quotes_tsv ON quotes USING gin (tsv);
