-- 0002: full-text search of articles and quotations (FTS5), back-filled.
CREATE VIRTUAL TABLE articles_fts USING fts5 (headline, text);
INSERT INTO articles_fts (rowid, headline, text) SELECT id, coalesce(headline, ''), text FROM articles;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker);
INSERT INTO quotes_fts (rowid, text, speaker) SELECT id, text, coalesce(speaker_name, '') FROM quotes;
