-- 0001: articles and every layer of their analysis (SQLite).
-- Append-only: never edit a migration that has shipped; add a new numbered file.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    hash           TEXT NOT NULL UNIQUE,   -- sha-256 of the raw article (format, date, content)
    origin         TEXT NOT NULL,          -- file or feed line it was read from
    ext_id         TEXT,                   -- the feed's id
    url            TEXT,
    outlet         TEXT,
    headline       TEXT,
    byline         TEXT,
    published      TEXT,                   -- YYYY-MM-DD
    format         TEXT NOT NULL,          -- plain | html
    raw            TEXT NOT NULL,          -- the content as read, for --reprocess
    raw_meta       TEXT NOT NULL,          -- JSON of the metadata known before cleaning
    text           TEXT NOT NULL,          -- the cleaned text all offsets point into
    engine_version TEXT NOT NULL,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_engine ON articles (engine_version);

CREATE TABLE sentences (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    code       TEXT,
    kind       TEXT NOT NULL,
    roles      TEXT NOT NULL,              -- JSON array
    country    TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_code ON entities (code);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    entity     INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    sentence   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    start_byte     INTEGER NOT NULL,
    end_byte       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    speaker_name   TEXT,
    speaker_code   TEXT,
    speaker_entity INTEGER,
    cue_start      INTEGER,
    cue_end        INTEGER,
    day            TEXT,                   -- the article's publication date
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

-- One row per event as coded in one sentence of one article (GDELT's "mentions").
CREATE TABLE event_mentions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    sentence      INTEGER NOT NULL,
    source        TEXT NOT NULL,           -- actor code, '' when none
    target        TEXT NOT NULL,
    source_entity INTEGER,
    target_entity INTEGER,
    cameo         TEXT NOT NULL,
    root          TEXT NOT NULL,
    quad_class    INTEGER,
    goldstein     REAL,
    plover        TEXT,
    label         TEXT,
    status        TEXT NOT NULL,
    date          TEXT,                    -- as resolved in the text (day, month or year)
    day           TEXT,                    -- the day used for merging (YYYY-MM-DD) or NULL
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    trigger_text  TEXT NOT NULL,
    quote_idx     INTEGER,
    location      TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX event_mentions_key ON event_mentions (source, target, root, day);

-- Real-world events: event mentions merged across articles (see merge.rs for the rule).
CREATE TABLE events (
    id               INTEGER PRIMARY KEY,  -- derived from the first mention: stable across runs
    source           TEXT NOT NULL,
    target           TEXT NOT NULL,
    root             TEXT NOT NULL,
    cameo            TEXT NOT NULL,        -- the most frequent full code among the mentions
    quad_class       INTEGER,
    goldstein        REAL,
    plover           TEXT,
    label            TEXT,
    first_day        TEXT,
    last_day         TEXT,
    undated_article  INTEGER,              -- for undated events: the one article they come from
    num_mentions     INTEGER NOT NULL,
    num_articles     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    source_url       TEXT                  -- url (or origin) of the first article
);
CREATE INDEX events_key ON events (source, target, root);
CREATE INDEX events_day ON events (first_day);

CREATE TABLE channels (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    holder      TEXT,
    host        TEXT,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    change      TEXT NOT NULL,
    date        TEXT,
    day         TEXT,
    sentence    INTEGER NOT NULL,
    location    TEXT,
    hosted_at   TEXT,
    established TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX channels_dyad ON channels (holder, host);

CREATE TABLE conflicts (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    topic      TEXT NOT NULL,
    claims     TEXT NOT NULL,              -- JSON array of claims
    PRIMARY KEY (article_id, idx)
);
