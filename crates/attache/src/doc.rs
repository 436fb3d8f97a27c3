//! The document model: one [`Doc`] owns the cleaned article text; every other
//! layer (paragraphs, sentences, tokens, mentions, quotes, events, time
//! expressions, channel changes, conflicts) is a typed list of half-open UTF-8
//! byte spans into it, referring to other layers by index.
//!
//! **Invariant:** no stage ever changes `Doc::text` after segmentation, and
//! every span satisfies `start <= end <= text.len()` on char boundaries, so
//! `&doc.text[span.start..span.end]` is always the text the span claims.

use chrono::NaiveDate;
use serde::Serialize;

/// A half-open byte range `[start, end)` into [`Doc::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What is known about an article besides its body text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// Caller-supplied identifier (a feed's `id`, or the file name).
    pub id: Option<String>,
    /// Where the article came from (URL), when known.
    pub url: Option<String>,
    /// The publishing outlet ("China Daily").
    pub outlet: Option<String>,
    /// The headline.
    pub headline: Option<String>,
    /// The byline as printed ("By REN QI in Moscow").
    pub byline: Option<String>,
    /// Authors named in the byline.
    pub authors: Vec<String>,
    /// The dateline or byline place ("Moscow").
    pub place: Option<String>,
    /// An e-mail address from the byline.
    pub email: Option<String>,
    /// Publication date: anchors relative dates ("on Monday").
    pub published: Option<NaiveDate>,
    /// Section or category labels the source gave ("World", "politics").
    pub sections: Vec<String>,
}

/// A paragraph of the cleaned text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paragraph {
    /// Bytes of the paragraph in [`Doc::text`].
    pub span: Span,
    /// Index into [`Doc::sections`] of the section it belongs to, if any.
    pub section: Option<usize>,
    /// The article's headline ([`Metadata::headline`]), placed first in the
    /// text so that it is segmented and coded like any sentence.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
}

/// A section heading ("Advance notification") that opens a run of paragraphs.
/// Headings are in [`Doc::text`] but are never sentences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// The heading's bytes in [`Doc::text`].
    pub heading: Span,
    /// Index of the first paragraph under the heading.
    pub first_paragraph: usize,
}

/// A sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Bytes of the sentence.
    pub span: Span,
    /// Index into [`Doc::paragraphs`].
    pub paragraph: usize,
    /// Range of indices into [`Doc::tokens`] (`tokens.start..tokens.end`).
    pub tokens: Span,
}

/// The coarse class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "don't").
    Word,
    /// Digits, with inner separators ("1,200", "3.5").
    Number,
    /// Any quotation mark (straight, curly, guillemet).
    Quote,
    /// Other punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// A token.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Token {
    /// Bytes of the token.
    pub span: Span,
    /// Its class.
    pub kind: TokenKind,
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
}

/// What kind of thing an entity is (the contract's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A sovereign state or territory.
    State,
    /// An organisation: IGO, NGO, ministry, agency, company, party, office.
    Organization,
    /// A named or described person.
    Person,
    /// A collective of people ("Russians", "protesters").
    Group,
    /// A location (city, region, building).
    Place,
}

/// Grammatical gender learned from the text, for pronoun resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// he/him/his, Mr, spokesman.
    Male,
    /// she/her, Ms, Mrs, spokeswoman.
    Female,
}

/// A real-world actor the article talks about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Its index in [`Doc::entities`].
    pub id: usize,
    /// Canonical name ("Sergey Lavrov", "NATO").
    pub name: String,
    /// CAMEO actor code ("RUSGOV"), or `None` when nothing in the text gives one.
    pub code: Option<String>,
    /// State, organisation, person, group or place.
    pub kind: EntityKind,
    /// Roles the text gives it ("foreign minister", "spokeswoman").
    pub roles: Vec<String>,
    /// Gender, when the text shows it.
    pub gender: Option<Gender>,
    /// ISO 3166 alpha-3 code of the country it belongs to or is, when known.
    pub country: Option<String>,
}

/// How an entity is referred to at one place in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name ("Sergey Lavrov", "NATO").
    Name,
    /// A description ("the minister", "the alliance", "a NATO spokeswoman").
    Nominal,
    /// A pronoun ("he", "they").
    Pronoun,
    /// An adjective or demonym ("Russian").
    Demonym,
    /// A place standing for its government ("Moscow said", "the Kremlin").
    Metonym,
}

/// One place in the text where an entity is mentioned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Index into [`Doc::entities`].
    pub entity: usize,
    /// Bytes of the mention.
    pub span: Span,
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
    /// Name, description, pronoun, demonym or metonym.
    pub kind: MentionKind,
}

/// Direct (verbatim, in quotation marks) or indirect (reported).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Verbatim words in quotation marks.
    Direct,
    /// Reported speech ("X said that …").
    Indirect,
}

/// Who said a quotation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Speaker {
    /// The speaker's canonical name.
    pub name: Option<String>,
    /// The speaker's CAMEO actor code.
    pub code: Option<String>,
    /// Index into [`Doc::entities`].
    pub entity: Option<usize>,
}

/// A statement someone made: a direct quotation or reported speech.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted or reported content (without the quotation marks).
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker, when found.
    pub speaker: Speaker,
    /// The speech verb or cue ("said", "according to"), when there is one.
    pub cue: Option<Span>,
    /// Indices into [`Doc::sentences`] the quotation overlaps.
    pub sentences: Vec<usize>,
}

/// How sure the text is that an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Stated as fact.
    Asserted,
    /// Planned or announced for the future ("plans to", "will").
    Intended,
    /// Proposed or offered.
    Proposed,
    /// Reported by a third party.
    Reported,
    /// Said not to have happened ("did not", "has not received").
    Negated,
    /// Possible or conditional ("could", "may", "if").
    Hypothetical,
}

/// A coded event: who did what to whom.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// Source entity, when the source is an entity of this document.
    pub source_entity: Option<usize>,
    /// Target entity.
    pub target_entity: Option<usize>,
    /// Full CAMEO event code ("161", "0256").
    pub cameo: String,
    /// The verb or noun that triggered the code.
    pub trigger: Span,
    /// Asserted, intended, proposed, reported, negated or hypothetical.
    pub status: EventStatus,
    /// Date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when resolved.
    pub date: Option<String>,
    /// Index into [`Doc::quotes`] when the event is asserted inside a statement.
    pub quote: Option<usize>,
    /// Where it happened, when the text says.
    pub location: Option<String>,
    /// The target is not in the sentence: it is the other side of the dyad the
    /// article is about (see `events::article_dyad`).
    pub target_inferred: bool,
}

/// How precise a resolved time expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A calendar day.
    Day,
    /// A calendar month.
    Month,
    /// A year.
    Year,
    /// A range of days.
    Interval,
}

/// A time expression in the text and what it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timex {
    /// Bytes of the expression ("late on Monday").
    pub span: Span,
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
    /// First day it covers, when resolved.
    pub start: Option<NaiveDate>,
    /// Last day it covers (inclusive), when resolved.
    pub end: Option<NaiveDate>,
    /// Day, month, year or interval.
    pub precision: Precision,
    /// The normalised value (`2021-10-18`, `2021-11`, `2002`), `None` when unresolved.
    pub value: Option<String>,
}

/// What happened to a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelChangeKind {
    /// Opened or set up.
    Established,
    /// Work halted, possibly temporarily.
    Suspended,
    /// Shut down.
    Closed,
    /// Opened again.
    Reopened,
    /// Staff expelled or ordered out.
    StaffExpelled,
    /// Staff stripped of accreditation.
    AccreditationRevoked,
    /// Ambassador or envoy recalled.
    AmbassadorRecalled,
    /// Named as a contact for urgent matters while other channels are down.
    FallbackDesignated,
}

/// A change to a standing line of diplomatic contact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelChange {
    /// Whose mission/embassy/office/envoy it is (actor code).
    pub holder: Option<String>,
    /// Where it sits or to whom it is accredited (actor code).
    pub host: Option<String>,
    /// A readable name ("Russian mission to NATO").
    pub name: String,
    /// The kind of channel ("permanent mission", "embassy", "liaison mission").
    pub kind: String,
    /// What happened.
    pub change: ChannelChangeKind,
    /// When (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), when known.
    pub date: Option<String>,
    /// Evidence: index into [`Doc::sentences`].
    pub sentence: usize,
    /// City where the channel sits.
    pub location: Option<String>,
    /// Building or host embassy ("Belgian embassy").
    pub hosted_at: Option<String>,
    /// When the channel was set up, when the text says.
    pub established: Option<String>,
    /// How sure the text is that the change happened: only `Asserted`
    /// changes move the channel's state ("would close" is `Intended`).
    pub status: EventStatus,
}

/// One side of a conflict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Speaker name.
    pub speaker: Option<String>,
    /// Speaker actor code.
    pub code: Option<String>,
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
    /// The claim's bytes.
    pub span: Span,
    /// Index into [`Doc::quotes`] of the statement it comes from.
    pub quote: Option<usize>,
}

/// Claims by different speakers that contradict each other on one matter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// What the claims are about ("notify NATO").
    pub topic: String,
    /// The contradicting claims (at least two).
    pub claims: Vec<Claim>,
}

/// Severity of a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was repaired or guessed; the analysis went on.
    Warning,
    /// Something could not be analysed.
    Error,
}

/// A message about the input found while reading or analysing it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// Lower-case message without a final period, saying what and where.
    pub message: String,
}

/// One analysed article: the cleaned text and every layer the stages add.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Doc {
    /// The cleaned body text all spans point into.
    pub text: String,
    /// Metadata (outlet, headline, byline, date).
    pub meta: Metadata,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Section headings, in order.
    pub sections: Vec<Section>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Syntax of each token, parallel to `tokens` (empty until the syntax stage runs).
    #[serde(skip)]
    pub syntax: Vec<crate::syntax::TokenSyntax>,
    /// Actors and places.
    pub entities: Vec<Entity>,
    /// Mentions of entities, in text order.
    pub mentions: Vec<Mention>,
    /// Direct and indirect statements, in text order.
    pub quotes: Vec<Quote>,
    /// Coded events.
    pub events: Vec<Event>,
    /// Time expressions.
    pub timexes: Vec<Timex>,
    /// Changes to diplomatic channels.
    pub channels: Vec<ChannelChange>,
    /// Contradicting claims.
    pub conflicts: Vec<Conflict>,
    /// Warnings about the input.
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.slice(self.sentences[i].span)
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        let r = self.sentences[i].tokens;
        &self.tokens[r.start..r.end]
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Mentions inside sentence `i`, in text order.
    pub fn mentions_in(&self, i: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.sentence == i)
    }

    /// Record a warning.
    pub fn warn(&mut self, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(3, 8)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(7, 10)));
        assert!(!a.overlaps(Span::new(8, 10)));
        assert_eq!(a.len(), 6);
    }

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let mut d = Doc {
            text: "One. Two.".into(),
            ..Doc::default()
        };
        d.sentences.push(Sentence {
            span: Span::new(0, 4),
            paragraph: 0,
            tokens: Span::new(0, 0),
        });
        d.sentences.push(Sentence {
            span: Span::new(5, 9),
            paragraph: 0,
            tokens: Span::new(0, 0),
        });
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(4), None);
        assert_eq!(d.sentence_at(6), Some(1));
        assert_eq!(d.sentence_at(9), None);
    }
}
