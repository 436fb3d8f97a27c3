//! Builds entities and mentions sentence by sentence and links later
//! mentions to the entity first introduced: surnames, titles, organisation
//! anaphora ("the alliance") and pronouns (he, she, they, we).

use super::compose::{self, OwnerCode, Parsed, Phrase};
use super::lexicon::{ActorLexicon, OrgKind, RoleKind, Sense};
use super::matcher::{self, Unit, UnitKind};
use super::words::{self, Det, Pronoun};
use crate::doc::{Doc, Entity, EntityKind, Gender, Mention, MentionKind, Span};
use crate::syntax::EntType;
use std::collections::HashMap;

/// Resolution state for one document.
pub(crate) struct Resolver<'a> {
    lex: &'a ActorLexicon,
    text: &'a str,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    heads: Vec<Vec<String>>,
    owner_of: Vec<Option<usize>>,
    by_name: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
    /// Every part of a person's name ("Hu", "Jintao"; "Thaksin", "Shinawatra"):
    /// a one-word name links by any part, since surname-first and given-name
    /// usage ("Hu", "Mr Thaksin", "Premier Abiy") are as common as surnames;
    /// `None` when two people share the part.
    by_part: HashMap<String, Option<usize>>,
    by_key: HashMap<String, usize>,
    states: HashMap<usize, usize>,
    orgs: HashMap<usize, usize>,
    focus: Vec<usize>,
    speakers: Vec<Option<usize>>,
    we: Vec<(usize, Span)>,
    /// Named entities from the syntax layer (byte span, type), in text order.
    named: Vec<(Span, EntType)>,
    /// The country of the dateline place the cleaner took off the body
    /// ("MANILA (AP) —"), when the lexicon knows it.
    dateline: Option<String>,
    /// The countries of the national actors of the sentences before this one.
    so_far: SoFar,
}

/// The countries of the national actors mentioned in the sentences before
/// the current one, for `context_country`'s "the article so far": kept up to
/// date as sentences end and as entities learn their country or code (every
/// change goes through `set_country` / `set_code`), so that no query scans
/// every mention.
#[derive(Default)]
struct SoFar {
    /// Mentions `0..upto` are counted: those of the sentences before the
    /// current one (split_coordination changes only the current sentence's).
    upto: usize,
    /// The largest start of a counted mention.
    max_start: usize,
    /// Entities with a counted mention (not a demonym) ...
    member: Vec<bool>,
    /// ... and the country each stands for now (`mention_country`).
    iso: Vec<Option<String>>,
    /// Counted entities by country (no zero counts).
    counts: HashMap<String, usize>,
}

impl SoFar {
    fn add(&mut self, iso: &Option<String>, by: isize) {
        let Some(iso) = iso else { return };
        let n = self.counts.entry(iso.clone()).or_insert(0);
        *n = (*n as isize + by) as usize;
        if *n == 0 {
            self.counts.remove(iso);
        }
    }
}

/// Per-sentence working data.
struct Sent<'u> {
    index: usize,
    start: usize,
    units: &'u [Unit],
    phrases: Vec<Phrase>,
    parsed: Vec<Parsed>,
    of_target: Vec<Option<usize>>,
    describes: Vec<Option<usize>>,
    described_by: Vec<Option<usize>>,
    done: Vec<Option<Option<usize>>>,
    /// For "its"/"their" phrases: the entity the possessive pronoun refers to.
    pron_owner: Vec<Option<usize>>,
    /// What an earlier "its" in the sentence referred to.
    its: Option<usize>,
    /// A possessive phrase right before ("the ministry's spokesman").
    poss_owner: Vec<Option<usize>>,
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

impl<'a> Resolver<'a> {
    pub fn new(doc: &'a Doc, lex: &'a ActorLexicon) -> Resolver<'a> {
        Resolver {
            lex,
            text: &doc.text,
            entities: Vec::new(),
            mentions: Vec::new(),
            heads: Vec::new(),
            owner_of: Vec::new(),
            by_name: HashMap::new(),
            by_surname: HashMap::new(),
            by_part: HashMap::new(),
            by_key: HashMap::new(),
            states: HashMap::new(),
            orgs: HashMap::new(),
            focus: Vec::new(),
            speakers: vec![None; doc.sentences.len()],
            we: Vec::new(),
            named: (0..doc.sentences.len())
                .flat_map(|s| doc.named_entities_in(s))
                .map(|e| (e.span, e.kind))
                .collect(),
            dateline: doc
                .meta
                .place
                .as_deref()
                .and_then(|p| place_country(lex, &title_case(p))),
            so_far: SoFar::default(),
        }
    }

    /// Sets an entity's country (and keeps `so_far` up to date).
    fn set_country(&mut self, e: usize, country: Option<String>) {
        self.entities[e].country = country;
        self.recount(e);
    }

    /// Sets an entity's code (and keeps `so_far` up to date).
    fn set_code(&mut self, e: usize, code: Option<String>) {
        self.entities[e].code = code;
        self.recount(e);
    }

    fn recount(&mut self, e: usize) {
        if !self.so_far.member.get(e).copied().unwrap_or(false) {
            return;
        }
        let now = self.mention_country(e);
        if now != self.so_far.iso[e] {
            let old = std::mem::replace(&mut self.so_far.iso[e], now.clone());
            self.so_far.add(&old, -1);
            self.so_far.add(&now, 1);
        }
    }

    /// Counts the mentions added since the last call into `so_far` (at the
    /// start of a sentence: the mentions of the sentences before it).
    fn count_so_far(&mut self) {
        for k in self.so_far.upto..self.mentions.len() {
            let m = &self.mentions[k];
            if m.kind == MentionKind::Demonym {
                continue;
            }
            let (e, start) = (m.entity, m.span.start);
            self.so_far.max_start = self.so_far.max_start.max(start);
            if self.so_far.member.len() <= e {
                self.so_far.member.resize(e + 1, false);
                self.so_far.iso.resize(e + 1, None);
            }
            if !self.so_far.member[e] {
                let iso = self.mention_country(e);
                self.so_far.add(&iso, 1);
                self.so_far.member[e] = true;
                self.so_far.iso[e] = iso;
            }
        }
        self.so_far.upto = self.mentions.len();
    }

    /// What the entity tagger says a name is: `Some(Some(kind))` for a person,
    /// organisation, place or group, `Some(None)` for a named thing (a law, a
    /// product, an event, a work), `None` when it tagged nothing there (or there
    /// is no syntax layer). The tagged entity must overlap the name's span.
    fn tagged_kind(&self, span: Span) -> Option<Option<EntityKind>> {
        let at = self.named.partition_point(|(s, _)| s.end <= span.start);
        let (s, kind) = self.named.get(at)?;
        if !s.overlaps(span) {
            return None;
        }
        Some(match kind {
            EntType::Person => Some(EntityKind::Person),
            EntType::Org => Some(EntityKind::Organization),
            EntType::Gpe | EntType::Loc | EntType::Fac => Some(EntityKind::Place),
            EntType::Norp => Some(EntityKind::Group),
            EntType::Product
            | EntType::Event
            | EntType::WorkOfArt
            | EntType::Law
            | EntType::Language => None,
            _ => return None,
        })
    }

    /// Runs over every sentence of `doc`.
    pub fn run(&mut self, doc: &Doc) {
        let mut from = 0;
        for (si, s) in doc.sentences.iter().enumerate() {
            let units = matcher::units(self.text, s.span, from, self.lex);
            if let Some(u) = units.last() {
                from = from.max(u.ext_end);
            }
            self.sentence(si, s.span.start, &units);
        }
        self.resolve_we(doc);
        self.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }

    // ---- entities -------------------------------------------------------

    fn new_entity(&mut self, name: &str, code: Option<String>, kind: EntityKind) -> usize {
        let id = self.entities.len();
        self.entities.push(Entity {
            id,
            name: name.to_string(),
            code,
            kind,
            roles: Vec::new(),
            gender: None,
            country: None,
        });
        self.heads.push(Vec::new());
        self.owner_of.push(None);
        self.by_name.entry(name.to_lowercase()).or_insert(id);
        id
    }

    fn state(&mut self, c: usize) -> usize {
        if let Some(&e) = self.states.get(&c) {
            return e;
        }
        let (name, code) = (
            self.lex.countries[c].name.clone(),
            self.lex.countries[c].code.clone(),
        );
        let e = self.new_entity(&name, Some(code.clone()), EntityKind::State);
        self.set_country(e, Some(code));
        self.heads[e] = vec!["country".into(), "state".into(), "nation".into()];
        self.states.insert(c, e);
        e
    }

    fn org(&mut self, o: usize) -> usize {
        if let Some(&e) = self.orgs.get(&o) {
            return e;
        }
        let org = &self.lex.orgs[o];
        let kind = match org.kind {
            OrgKind::Organization => EntityKind::Organization,
            OrgKind::Group => EntityKind::Group,
            OrgKind::Place => EntityKind::Place,
        };
        let code = (org.kind != OrgKind::Place).then(|| org.code.clone());
        let (name, country, heads) = (org.name.clone(), org.country.clone(), org.anaphora.clone());
        let e = self.new_entity(&name, code, kind);
        self.set_country(e, country);
        self.heads[e] = heads;
        self.orgs.insert(o, e);
        e
    }

    fn place(&mut self, name: &str, country: Option<String>) -> usize {
        let key = format!("place|{}", name.to_lowercase());
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let e = self.new_entity(name, None, EntityKind::Place);
        self.set_country(e, country);
        self.by_key.insert(key, e);
        e
    }

    fn add_role(&mut self, e: usize, role: &str) {
        let r = role.to_lowercase();
        let roles = &mut self.entities[e].roles;
        if roles
            .iter()
            .any(|x| x == &r || x.ends_with(&format!(" {r}")))
        {
            return;
        }
        roles.retain(|x| !r.ends_with(&format!(" {x}")));
        roles.push(r);
    }

    fn mention(&mut self, e: usize, span: Span, sentence: usize, kind: MentionKind) {
        if span.is_empty() {
            return;
        }
        if self.entities[e].kind == EntityKind::Organization {
            self.focus.push(e);
        }
        self.mentions.push(Mention {
            entity: e,
            span,
            sentence,
            kind,
        });
    }

    fn sense_entity(&mut self, s: Sense) -> Option<usize> {
        match s {
            Sense::CountryName(c) | Sense::CountryAdj(c) | Sense::People(c) | Sense::Capital(c) => {
                Some(self.state(c))
            }
            Sense::Seat(si) => Some(self.state(self.lex.seats[si].country)),
            Sense::City(i) => {
                let (name, c) = self.lex.cities[i].clone();
                let code = self.lex.countries[c].code.clone();
                Some(self.place(&name, Some(code)))
            }
            Sense::Org(o) => Some(self.org(o)),
            _ => None,
        }
    }

    // ---- sentences ------------------------------------------------------

    fn sentence(&mut self, si: usize, start: usize, units: &[Unit]) {
        self.count_so_far();
        let (phrases, prons) = compose::phrases(self.text, units, self.lex);
        let parsed: Vec<Parsed> = phrases.iter().map(|p| compose::parse(units, p)).collect();
        let n = phrases.len();
        let mut st = Sent {
            index: si,
            start,
            units,
            phrases,
            parsed,
            of_target: vec![None; n],
            describes: vec![None; n],
            described_by: vec![None; n],
            done: vec![None; n],
            pron_owner: vec![None; n],
            its: None,
            poss_owner: vec![None; n],
        };
        self.link_phrases(&mut st);
        // Resolve phrases and pronouns in text order.
        let mut pi = 0;
        let mut qi = 0;
        while pi < n || qi < prons.len() {
            let ppos = st.phrases.get(pi).map_or(usize::MAX, |p| p.start);
            let qpos = prons.get(qi).map_or(usize::MAX, |q| units[q.0].span.start);
            if ppos <= qpos {
                self.resolve(&mut st, pi);
                pi += 1;
            } else {
                let (u, p) = prons[qi];
                let speech = units
                    .get(u + 1)
                    .is_some_and(|n| n.is_word() && words::is_speech_verb(n.text(self.text)));
                self.pronoun(si, units[u].span, p, speech);
                qi += 1;
            }
        }
        self.speakers[si] = self.find_speaker(si, units);
        self.split_coordination(si);
    }

    /// Coordinated owners of a plural role make one group per owner:
    /// "French and German officials" and "the foreign ministers of France
    /// and Germany" are FRAGOV and DEUGOV, not one DEUGOV (or FRAGOV) group.
    /// The group the phrase resolved to keeps the owner it was coded with;
    /// each other owner's mention becomes a `Nominal` mention of its own
    /// group ("French officials", "foreign ministers of Germany"); after
    /// "of", the first owner's mention ("France") joins the head's group.
    fn split_coordination(&mut self, si: usize) {
        // This sentence's mentions are the last ones added.
        let first = self
            .mentions
            .iter()
            .rposition(|m| m.sentence != si)
            .map_or(0, |i| i + 1);
        let mut idx: Vec<usize> = (first..self.mentions.len()).collect();
        idx.sort_by_key(|&i| self.mentions[i].span.start);
        let gap = |r: &Self, a: usize, b: usize| -> &'a str {
            let (x, y) = (r.mentions[a].span.end, r.mentions[b].span.start);
            if x <= y {
                r.text.get(x..y).unwrap_or("#")
            } else {
                "#"
            }
        };
        let is_conj = |g: &str| matches!(g, " and " | ", " | ", and " | " or " | ", or ");
        for (k, &h) in idx.iter().enumerate() {
            let he = self.mentions[h].entity;
            let head = &self.entities[he];
            if head.kind != EntityKind::Group || head.roles.is_empty() {
                continue;
            }
            let (Some(code), Some(iso)) = (head.code.clone(), head.country.clone()) else {
                continue;
            };
            let Some(sector) = code.strip_prefix(iso.as_str()).map(str::to_string) else {
                continue;
            };
            let state_of = |r: &Self, m: usize, kind: MentionKind| -> Option<String> {
                let e = &r.entities[r.mentions[m].entity];
                (r.mentions[m].kind == kind && e.kind == EntityKind::State)
                    .then(|| e.country.clone())
                    .flatten()
            };
            // Owners before the head: "French and German officials".
            let mut others: Vec<(usize, String, String)> = Vec::new();
            if k >= 2
                && gap(self, idx[k - 1], h) == " "
                && state_of(self, idx[k - 1], MentionKind::Demonym).as_ref() == Some(&iso)
            {
                let mut j = k - 1;
                while j >= 1 && is_conj(gap(self, idx[j - 1], idx[j])) {
                    // "U.S. and Russian officials": an abbreviated name
                    // modifies the head as a demonym does.
                    let m = &self.mentions[idx[j - 1]];
                    let abbr = self
                        .text
                        .get(m.span.start..m.span.end)
                        .is_some_and(|t| t.len() <= 6 && !t.chars().any(char::is_lowercase));
                    let c = state_of(self, idx[j - 1], MentionKind::Demonym).or_else(|| {
                        abbr.then(|| state_of(self, idx[j - 1], MentionKind::Name))
                            .flatten()
                    });
                    let Some(c) = c else {
                        break;
                    };
                    let m = &self.mentions[idx[j - 1]];
                    let adj = self.text.get(m.span.start..m.span.end).unwrap_or("");
                    let hm = &self.mentions[h];
                    let head_text = self.text.get(hm.span.start..hm.span.end).unwrap_or("");
                    others.push((idx[j - 1], c, format!("{adj} {}", strip_the(head_text))));
                    j -= 1;
                }
            }
            // Owners after the head: "the foreign ministers of France and Germany".
            let before = others.len();
            if k + 2 < idx.len()
                && gap(self, h, idx[k + 1]) == " of "
                && state_of(self, idx[k + 1], MentionKind::Name).as_ref() == Some(&iso)
            {
                let mut j = k + 1;
                while j + 1 < idx.len() && is_conj(gap(self, idx[j], idx[j + 1])) {
                    let Some(c) = state_of(self, idx[j + 1], MentionKind::Name) else {
                        break;
                    };
                    let name = self.entities[self.mentions[idx[j + 1]].entity].name.clone();
                    let head_name = strip_the(&self.entities[he].name).to_string();
                    others.push((idx[j + 1], c, format!("{head_name} of {name}")));
                    j += 1;
                }
                if others.len() > before {
                    // The head's own owner ("France") is then one of the
                    // groups' owners too, not an actor beside them.
                    self.mentions[idx[k + 1]].entity = he;
                    self.mentions[idx[k + 1]].kind = MentionKind::Nominal;
                }
            }
            for (m, c, name) in others {
                if c == iso {
                    continue;
                }
                let key = format!("group|{}", name.to_lowercase());
                let g = match self.by_key.get(&key) {
                    Some(&g) => g,
                    None => {
                        let g =
                            self.new_entity(&name, Some(format!("{c}{sector}")), EntityKind::Group);
                        self.set_country(g, Some(c.clone()));
                        self.entities[g].roles = self.entities[he].roles.clone();
                        self.owner_of[g] = Some(self.mentions[m].entity);
                        self.by_key.insert(key, g);
                        g
                    }
                };
                self.mentions[m].entity = g;
                self.mentions[m].kind = MentionKind::Nominal;
            }
        }
    }

    /// "of"-phrases and appositives.
    fn link_phrases(&self, st: &mut Sent) {
        let n = st.phrases.len();
        let t = self.text;
        for p in 0..n.saturating_sub(1) {
            let (a, b) = (&st.phrases[p], &st.phrases[p + 1]);
            let g = &t[a.ext_end.min(b.start)..b.start];
            let pa = &st.parsed[p];
            let head_is_role = pa.roles.iter().any(|r| r.0 == pa.head);
            // "a spokeswoman for the OAS": only roles that carry no sector of
            // their own ("the UN envoy for Syria" is not Syrian).
            let sectorless = pa
                .roles
                .iter()
                .any(|r| r.0 == pa.head && self.lex.roles[r.1].sector.is_none());
            let linked = g == " of " || (g == " for " && sectorless);
            if linked && pa.owners.is_empty() && head_is_role && !a.poss {
                st.of_target[p] = Some(p + 1);
            }
        }
        for p in 0..n.saturating_sub(1) {
            let (a, b) = (&st.phrases[p], &st.phrases[p + 1]);
            let g = &t[a.ext_end.min(b.start)..b.start];
            let plain = g.split_whitespace().count() <= 3
                && g.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-');
            if a.poss && plain && st.parsed[p + 1].owners.is_empty() {
                st.poss_owner[p + 1] = Some(p);
            }
        }
        for b in 1..n {
            if !self.person_role_phrase(st, b) {
                continue;
            }
            // Forward: "NAME, a NATO spokeswoman".
            let a = b - 1;
            let g = &t[st.phrases[a].ext_end.min(st.phrases[b].start)..st.phrases[b].start];
            if g == ", " && self.name_phrase(st, a) {
                st.describes[b] = Some(a);
                st.described_by[a] = Some(b);
            }
        }
        for a in 1..n {
            if !self.name_phrase(st, a) {
                continue;
            }
            // A forward description without an owner ("NAME, the minister") yields
            // to a reverse one that has one ("his Polish counterpart, NAME").
            let forward = st.described_by[a];
            if forward.is_some_and(|f| self.has_owner(st, f)) {
                continue;
            }
            // Reverse: "the chief of the U.S. mission, NAME".
            let y = a - 1;
            let g = &t[st.phrases[y].ext_end.min(st.phrases[a].start)..st.phrases[a].start];
            if g != ", " {
                continue;
            }
            let mut b = y;
            loop {
                if self.person_role_phrase(st, b) && st.describes[b].is_none() {
                    if st.parsed[b].owners.is_empty()
                        && st.of_target[b].is_none()
                        && st.poss_owner[b].is_none()
                        && st.phrases[b].det == Det::None
                    {
                        break;
                    }
                    if forward.is_some() && !self.has_owner(st, b) {
                        break;
                    }
                    if let Some(f) = forward {
                        st.describes[f] = None;
                    }
                    st.describes[b] = Some(a);
                    st.described_by[a] = Some(b);
                    break;
                }
                match (0..b).rev().find(|&p| st.of_target[p] == Some(b)) {
                    Some(p) => b = p,
                    None => break,
                }
            }
        }
    }

    fn has_owner(&self, st: &Sent, p: usize) -> bool {
        !st.parsed[p].owners.is_empty() || st.of_target[p].is_some() || st.poss_owner[p].is_some()
    }

    fn person_role_phrase(&self, st: &Sent, p: usize) -> bool {
        let pa = &st.parsed[p];
        pa.name.is_none()
            && pa.roles.iter().any(|&(u, r, plural)| {
                u == pa.head && !plural && self.lex.roles[r].kind == RoleKind::Person
            })
            && (st.phrases[p].det != Det::None
                || !pa.owners.is_empty()
                || st.of_target[p].is_some()
                || st.poss_owner[p].is_some())
    }

    fn name_phrase(&self, st: &Sent, p: usize) -> bool {
        let pa = &st.parsed[p];
        let Some(nu) = pa.name else {
            return false;
        };
        if nu != pa.head || !pa.roles.is_empty() {
            return false;
        }
        let w = last_word(st.units[nu].text(self.text));
        words::org_head(w).is_none() && !words::is_place_head(w) && !words::is_thing_head(w)
    }

    /// The owner a phrase gives when it is the object of "of".
    fn phrase_as_owner(&self, st: &Sent, q: usize, depth: usize) -> Option<OwnerCode> {
        let pa = &st.parsed[q];
        if let Some(s) = st.units[pa.head].sense() {
            if let Some(o) = compose::sense_owner(self.lex, s) {
                return Some(o);
            }
        }
        let code = self.phrase_code(st, q, depth + 1)?;
        let country = self.phrase_owner(st, q, depth + 1).and_then(|o| o.country);
        Some(OwnerCode {
            code,
            state: false,
            country,
        })
    }

    /// A nationality directly before a national non-state organisation of
    /// another country names that organisation's branch in the nationality's
    /// country: "Pakistani Taliban" is PAKREB, not AFGREB. Only armed,
    /// opposition, party and similar non-state sectors are re-homed; state
    /// bodies and international organisations keep their own code. Returns
    /// the nationality's country index and the branch's code.
    fn branch(&self, st: &Sent, u: usize) -> Option<(usize, String)> {
        let Some(Sense::Org(o)) = st.units.get(u)?.sense() else {
            return None;
        };
        let prev = self.adjacent_before(st, u)?;
        let Some(Sense::CountryAdj(c)) = st.units[prev].sense() else {
            return None;
        };
        let org = &self.lex.orgs[o];
        let iso = &self.lex.countries[c].code;
        let home = org.country.as_ref()?;
        let sector = org.code.get(3..)?;
        if home == iso || org.code.get(..3) != Some(home.as_str()) {
            return None;
        }
        words::is_rebel_sector(sector).then(|| (c, format!("{iso}{sector}")))
    }

    /// The country a domestic role with no stated owner belongs to ("the
    /// foreign ministry", "the defence minister", "police"), from context:
    /// a place right after it ("the foreign ministry in Nairobi"), else the
    /// country most mentioned in this sentence so far and the three before
    /// it (states, places, national actors), counting an upper-case dateline
    /// place at the start of the text once; when those sentences name no
    /// country, the article so far decides. Each entity counts once (the
    /// sentence's first national actor twice) and the leader must beat the
    /// runner-up. `None` otherwise, or when
    /// the role is diplomatic (an ambassador in a capital is usually a
    /// foreign one) or not of a state sector (government, military,
    /// legislature, judiciary, police, intelligence).
    fn context_country(&self, st: &Sent, p: usize, sector: &str) -> Option<String> {
        // Not OPP: "met opposition leaders" is usually about the other side.
        if !words::is_state_sector(sector) {
            return None;
        }
        let diplomatic = st.parsed[p]
            .roles
            .iter()
            .any(|r| words::is_diplomatic_role(&self.lex.roles[r.1].phrase));
        if diplomatic {
            return None;
        }
        let ph = &st.phrases[p];
        if let Some(iso) = self.place_after(st, p) {
            return Some(iso);
        }
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        fn add(counts: &mut Vec<(String, usize)>, iso: &str) {
            match counts.iter_mut().find(|(c, _)| c == iso) {
                Some((_, n)) => *n += 1,
                None => counts.push((iso.to_string(), 1)),
            }
        }
        let from = st.index.saturating_sub(3);
        let mut first_here = None;
        for m in self.mentions.iter().rev() {
            if m.sentence < from {
                break;
            }
            // A demonym's country is counted with the phrase it modifies.
            if m.span.start >= ph.start
                || seen.contains(&m.entity)
                || m.kind == MentionKind::Demonym
            {
                continue;
            }
            seen.push(m.entity);
            if let Some(iso) = self.mention_country(m.entity) {
                if m.sentence == st.index {
                    first_here = Some((iso.clone(), m.span.end));
                }
                add(&mut counts, &iso);
            }
        }
        // The sentence's first national actor (usually its subject) counts
        // twice: "Russia expelled Czech diplomats, the foreign ministry said".
        // Not when coordinated: "Kenya and Uganda signed it".
        if let Some((iso, end)) = first_here {
            let rest = self.text.get(end..).unwrap_or("");
            if !(rest.starts_with(" and ") || rest.starts_with(" or ") || rest.starts_with(',')) {
                add(&mut counts, &iso);
            }
        }
        let mut whole = false;
        let sf = &self.so_far;
        if counts.is_empty() && from > 0 && (sf.upto == 0 || sf.max_start < ph.start) {
            // Nothing national nearby: the article so far decides. The
            // entities of the earlier sentences are counted in `so_far` (as
            // the scan below would count them: each once, with its country
            // now; those seen above have none); this sentence's are added.
            whole = true;
            for (iso, &n) in &sf.counts {
                counts.push((iso.clone(), n));
            }
            for m in &self.mentions[sf.upto.min(self.mentions.len())..] {
                if m.span.start >= ph.start
                    || seen.contains(&m.entity)
                    || m.kind == MentionKind::Demonym
                    || sf.member.get(m.entity).copied().unwrap_or(false)
                {
                    continue;
                }
                seen.push(m.entity);
                if let Some(iso) = self.mention_country(m.entity) {
                    add(&mut counts, &iso);
                }
            }
        } else if counts.is_empty() && from > 0 {
            // Nothing national nearby: the article so far decides.
            whole = true;
            for m in &self.mentions {
                if m.span.start >= ph.start
                    || seen.contains(&m.entity)
                    || m.kind == MentionKind::Demonym
                {
                    continue;
                }
                seen.push(m.entity);
                if let Some(iso) = self.mention_country(m.entity) {
                    add(&mut counts, &iso);
                }
            }
        }
        if from > 0 && !whole {
            // A dateline ("NAIROBI --") sets the scene for the whole article.
            if let Some(m) = self.mentions.first().filter(|m| m.sentence == 0) {
                let t = self.text.get(m.span.start..m.span.end).unwrap_or("");
                let caps = t.chars().count() > 2 && t.chars().all(|c| !c.is_lowercase());
                if caps && self.entities[m.entity].kind == EntityKind::Place {
                    if let Some(iso) = self.entities[m.entity].country.clone() {
                        add(&mut counts, &iso);
                    }
                }
            }
        }
        if let Some(iso) = &self.dateline {
            // the place of writing sets the scene for the whole article
            add(&mut counts, iso);
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        match counts.as_slice() {
            [(iso, _)] => Some(iso.clone()),
            [(iso, a), (_, b), ..] if a > b => Some(iso.clone()),
            _ => None,
        }
    }

    /// The state the text is about at phrase `p`: the first state named in
    /// the nearest sentence (this one, before `p`, or one of the three before)
    /// that names one by name or capital — usually its subject.
    fn salient_state(&self, st: &Sent, p: usize) -> Option<usize> {
        let start = st.phrases[p].start;
        let mut best: Option<(usize, usize, usize)> = None; // (sentence, start, entity)
        for m in self.mentions.iter().rev() {
            if m.sentence + 3 < st.index {
                break;
            }
            if m.span.start >= start
                || !matches!(m.kind, MentionKind::Name | MentionKind::Metonym)
                || self.entities[m.entity].kind != EntityKind::State
            {
                continue;
            }
            let better = best
                .is_none_or(|(s, a, _)| m.sentence > s || (m.sentence == s && m.span.start < a));
            if better {
                best = Some((m.sentence, m.span.start, m.entity));
            }
        }
        best.map(|b| b.2)
    }

    /// The country of a place right after phrase `p`: "the foreign ministry
    /// in Nairobi", "residents in Quito".
    fn place_after(&self, st: &Sent, p: usize) -> Option<String> {
        let ph = &st.phrases[p];
        let mut after = st.units.iter().filter(|u| u.span.start >= ph.ext_end);
        let first = after.next();
        let u = first
            .filter(|u| u.is_word() && u.text(self.text) == "in")
            .and(after.next())?;
        let gap = self.text.get(ph.ext_end..u.span.start).unwrap_or("");
        if gap.trim() != "in" {
            return None;
        }
        let c = match u.sense() {
            Some(Sense::Capital(c) | Sense::CountryName(c)) => Some(c),
            Some(Sense::City(i)) => Some(self.lex.cities[i].1),
            _ => None,
        }?;
        Some(self.lex.countries[c].code.clone())
    }

    /// The country of the place named last before phrase `p` (in this
    /// sentence or one of the five before): where the story happens, for a role whose
    /// holders are local ("another resident said").
    fn scene_country(&self, st: &Sent, p: usize) -> Option<String> {
        if let Some(iso) = self.place_after(st, p) {
            return Some(iso);
        }
        let start = st.phrases[p].start;
        self.mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence + 5 >= st.index)
            .filter(|m| m.span.start < start)
            .find_map(|m| {
                // a place, or a state named by its capital ("the streets of Conakry")
                let e = &self.entities[m.entity];
                let place = e.kind == EntityKind::Place
                    || (e.kind == EntityKind::State && m.kind == MentionKind::Metonym);
                place.then(|| e.country.clone()).flatten()
            })
    }

    /// The country an entity stands for or belongs to as a national actor:
    /// a state, a place in a known country, or a person or body coded with
    /// its country (not international organisations).
    fn mention_country(&self, e: usize) -> Option<String> {
        let ent = &self.entities[e];
        let iso = ent.country.as_ref()?;
        match ent.kind {
            EntityKind::State | EntityKind::Place => Some(iso.clone()),
            _ => ent
                .code
                .as_ref()
                .is_some_and(|c| c.starts_with(iso.as_str()))
                .then(|| iso.clone()),
        }
    }

    /// The unit right before unit `u`, when only spaces separate them.
    fn adjacent_before(&self, st: &Sent, u: usize) -> Option<usize> {
        let prev = u.checked_sub(1)?;
        let (a, b) = (st.units.get(prev)?, st.units.get(u)?);
        let gap = self.text.get(a.ext_end.min(b.span.start)..b.span.start)?;
        gap.chars().all(|ch| ch == ' ').then_some(prev)
    }

    /// The entity an organisation unit names: its national branch when a
    /// nationality re-homes it (see [`Resolver::branch`]), else the body itself.
    fn org_unit_entity(&mut self, st: &Sent, u: usize, o: usize) -> usize {
        let Some((c, code)) = self.branch(st, u) else {
            return self.org(o);
        };
        let key = format!("branch|{code}|{o}");
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let org = &self.lex.orgs[o];
        let name = format!("{} {}", st.units[u - 1].text(self.text), org.name);
        let kind = match org.kind {
            OrgKind::Group => EntityKind::Group,
            _ => EntityKind::Organization,
        };
        let heads = org.anaphora.clone();
        let e = self.new_entity(&name, Some(code), kind);
        self.set_country(e, Some(self.lex.countries[c].code.clone()));
        self.heads[e] = heads;
        self.by_key.insert(key, e);
        e
    }

    fn phrase_owner(&self, st: &Sent, p: usize, depth: usize) -> Option<OwnerCode> {
        if depth > 4 {
            return None;
        }
        let pa = &st.parsed[p];
        if let Some(&u) = pa.owners.last() {
            if let Some((c, code)) = self.branch(st, u) {
                return Some(OwnerCode {
                    code,
                    state: false,
                    country: Some(self.lex.countries[c].code.clone()),
                });
            }
            // "the Russian NATO envoy": a state's diplomat to an international
            // organisation is the state's (as in "Russia's envoy to NATO");
            // other roles ("a German NATO commander") serve the organisation.
            if let (Some(Sense::Org(o)), Some(prev)) =
                (st.units[u].sense(), self.adjacent_before(st, u))
            {
                let diplomat = pa
                    .roles
                    .iter()
                    .any(|r| words::is_envoy_role(&self.lex.roles[r.1].phrase));
                let igo = self.lex.orgs[o].code.starts_with("IGO");
                if let (true, true, Some(Sense::CountryAdj(c) | Sense::CountryName(c))) =
                    (diplomat, igo, st.units[prev].sense())
                {
                    let iso = self.lex.countries[c].code.clone();
                    return Some(OwnerCode {
                        code: iso.clone(),
                        state: true,
                        country: Some(iso),
                    });
                }
            }
            return st.units[u]
                .sense()
                .and_then(|s| compose::sense_owner(self.lex, s));
        }
        if let Some(e) = st.pron_owner[p] {
            return self.entity_owner(e);
        }
        st.of_target[p].and_then(|q| self.phrase_as_owner(st, q, depth))
    }

    /// The owner code an entity gives the things it possesses.
    fn entity_owner(&self, e: usize) -> Option<OwnerCode> {
        let ent = &self.entities[e];
        let code = ent.code.clone()?;
        match ent.kind {
            EntityKind::State => Some(OwnerCode {
                code,
                state: true,
                country: ent.country.clone(),
            }),
            EntityKind::Organization | EntityKind::Group | EntityKind::Person => Some(OwnerCode {
                code,
                state: false,
                country: ent.country.clone(),
            }),
            _ => None,
        }
    }

    /// What "its"/"their" before phrase `p` refers to: the pronoun's own
    /// mention ("their"), else the nearest state or organisation before it.
    fn possessive_referent(&mut self, st: &mut Sent, p: usize) -> Option<usize> {
        let ph = &st.phrases[p];
        let word_end = ph.start + self.text[ph.start..].find(' ').unwrap_or(0);
        let span = Span::new(ph.start, word_end);
        let si = st.index;
        if let Some(m) = self
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence >= si)
            .find(|m| m.span == span)
        {
            return Some(m.entity);
        }
        // A second "its" in a sentence keeps the referent of the first.
        if let Some(e) = st.its {
            self.mention(e, span, st.index, MentionKind::Pronoun);
            return Some(e);
        }
        let e = self
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence + 1 >= si)
            .filter(|m| m.span.end <= ph.start)
            .filter(|m| m.kind != MentionKind::Demonym)
            .map(|m| m.entity)
            .find(|&e| {
                matches!(
                    self.entities[e].kind,
                    EntityKind::State | EntityKind::Organization
                )
            })?;
        self.mention(e, span, st.index, MentionKind::Pronoun);
        if self.text[span.start..span.end].eq_ignore_ascii_case("its") {
            st.its = Some(e);
        }
        Some(e)
    }

    fn phrase_code(&self, st: &Sent, p: usize, depth: usize) -> Option<String> {
        let pa = &st.parsed[p];
        let owner = self.phrase_owner(st, p, depth);
        let mut sector = compose::sector(self.lex, pa).map(str::to_string);
        if sector.is_none() {
            if let Some(nu) = pa.name {
                sector = words::org_head(last_word(st.units[nu].text(self.text)))
                    .flatten()
                    .map(str::to_string);
            }
        }
        compose::compose(owner.as_ref(), sector.as_deref())
    }

    fn prev_word(&self, st: &Sent, pos: usize) -> &'a str {
        let before = &self.text[st.start.min(pos)..pos];
        before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("")
    }

    /// True when `pos` follows "<place noun> of" ("region of", "city of").
    fn after_place_noun(&self, st: &Sent, pos: usize) -> bool {
        let before = self.text[st.start.min(pos)..pos].trim_end();
        let Some(rest) = before.strip_suffix(" of") else {
            return false;
        };
        let noun = rest.rsplit(' ').next().unwrap_or("");
        words::is_place_noun(noun)
    }

    fn next_word_after(&self, st: &Sent, pos: usize) -> Option<&'a str> {
        st.units
            .iter()
            .find(|u| u.span.start >= pos)
            .filter(|u| u.is_word())
            .map(|u| u.text(self.text))
    }

    /// Mentions for the owner modifiers of phrase `p`; returns the last owner entity.
    fn owner_mentions(&mut self, st: &Sent, p: usize) -> Option<usize> {
        let mut last = None;
        for &u in &st.parsed[p].owners.clone() {
            let unit = st.units[u];
            let Some(s) = unit.sense() else { continue };
            let e = match s {
                Sense::Org(o) => self.org_unit_entity(st, u, o),
                _ => match self.sense_entity(s) {
                    Some(e) => e,
                    None => continue,
                },
            };
            let kind = match s {
                Sense::CountryAdj(_) => MentionKind::Demonym,
                Sense::Capital(_) | Sense::Seat(_) => MentionKind::Metonym,
                Sense::City(_) => MentionKind::Name,
                _ => MentionKind::Name,
            };
            self.mention(e, unit.span, st.index, kind);
            last = Some(e);
        }
        last
    }

    /// Span of the head part of a phrase: after its last owner, else from the determiner.
    fn head_span(&self, st: &Sent, p: usize) -> Span {
        let ph = &st.phrases[p];
        match st.parsed[p].owners.last() {
            Some(&u) => {
                let mut s = st.units[u].ext_end;
                while self.text[s..].starts_with(' ') {
                    s += 1;
                }
                let first_after = st.phrases[p]
                    .units
                    .iter()
                    .map(|&x| st.units[x].span.start)
                    .find(|&x| x >= s)
                    .unwrap_or(s);
                Span::new(first_after.min(ph.end), ph.end)
            }
            None if ph.det == Det::Possessive => {
                Span::new(st.units[ph.units[0]].span.start.min(ph.end), ph.end)
            }
            None => Span::new(ph.start, ph.end),
        }
    }

    /// Text of a phrase without its determiner.
    fn bare_text(&self, st: &Sent, p: usize) -> String {
        let ph = &st.phrases[p];
        let first = st.units[ph.units[0]].span.start;
        let bare = strip_the(&self.text[first..ph.end]);
        match st.pron_owner[p] {
            Some(e) => format!("{}'s {bare}", self.entities[e].name),
            None => bare.to_string(),
        }
    }

    fn resolve(&mut self, st: &mut Sent, p: usize) -> Option<usize> {
        if let Some(r) = st.done[p] {
            return r;
        }
        st.done[p] = Some(None);
        let r = self.resolve_inner(st, p);
        st.done[p] = Some(r);
        r
    }

    fn resolve_inner(&mut self, st: &mut Sent, p: usize) -> Option<usize> {
        let si = st.index;
        let pa = st.parsed[p].clone();
        let ph = st.phrases[p].clone();
        let head = st.units[pa.head];
        if ph.det == Det::Possessive && pa.owners.is_empty() && pa.name.is_none() {
            st.pron_owner[p] = self.possessive_referent(st, p);
        } else if let Some(q) = st.poss_owner[p].filter(|_| pa.owners.is_empty()) {
            st.pron_owner[p] = self.resolve(st, q);
        }
        // Appositive descriptions resolve to what they describe.
        if let Some(a) = st.describes[p] {
            let e = self.resolve(st, a)?;
            let owner = self.owner_mentions(st, p);
            if let Some(q) = st.of_target[p] {
                let oe = self.resolve(st, q);
                if self.owner_of[e].is_none() {
                    self.owner_of[e] = oe;
                }
            }
            if self.owner_of[e].is_none() {
                self.owner_of[e] = owner;
            }
            let hs = self.head_span(st, p);
            self.mention(e, hs, si, MentionKind::Nominal);
            return Some(e);
        }
        if let Some(nu) = pa.name {
            return self.resolve_name(st, p, nu);
        }
        match head.kind {
            UnitKind::Lex(Sense::Role { role, plural }) => self.resolve_role(st, p, role, plural),
            UnitKind::Lex(Sense::Anaphor(ai)) => {
                if ph.det != Det::Definite {
                    return None;
                }
                let h = self.lex.anaphors[ai].clone();
                let e = self.org_anaphor(&h, si)?;
                self.mention(e, Span::new(ph.start, ph.end), si, MentionKind::Nominal);
                Some(e)
            }
            UnitKind::Lex(s) => {
                self.owner_mentions(st, p);
                self.resolve_lex_head(st, p, s, head)
            }
            _ => None,
        }
    }

    fn resolve_lex_head(&mut self, st: &mut Sent, p: usize, s: Sense, head: Unit) -> Option<usize> {
        let si = st.index;
        let ph = st.phrases[p].clone();
        match s {
            Sense::CountryName(c) => {
                // "Atlanta, Georgia": after a city of another state, a state's
                // name is a region of that state.
                let code = self.lex.countries[c].code.clone();
                let region_of = self.mentions.last().and_then(|m| {
                    let e = &self.entities[m.entity];
                    let gap = &self.text[m.span.end.min(head.span.start)..head.span.start];
                    (m.sentence == si
                        && gap == ", "
                        && e.kind == EntityKind::Place
                        && e.country.as_ref().is_some_and(|x| *x != code))
                    .then(|| e.country.clone())
                    .flatten()
                });
                if let Some(country) = region_of {
                    let name = head.text(self.text).to_string();
                    let e = self.place(&name, Some(country));
                    self.mention(e, head.span, si, MentionKind::Name);
                    return Some(e);
                }
                let e = self.state(c);
                let kind = if ph.hyphen {
                    MentionKind::Demonym
                } else {
                    MentionKind::Name
                };
                self.mention(e, head.span, si, kind);
                Some(e)
            }
            Sense::CountryAdj(c) => {
                // "in English", "in Russian": a language, not an actor.
                if self.prev_word(st, ph.start) == "in"
                    && self.next_word_after(st, ph.ext_end).is_none()
                {
                    return None;
                }
                let e = self.state(c);
                self.mention(e, head.span, si, MentionKind::Demonym);
                Some(e)
            }
            Sense::People(c) => {
                let name = head.text(self.text).to_string();
                let key = format!("people|{c}");
                let e = match self.by_key.get(&key) {
                    Some(&e) => e,
                    None => {
                        let code = self.lex.countries[c].code.clone();
                        let e = self.new_entity(&name, Some(code.clone()), EntityKind::Group);
                        self.set_country(e, Some(code));
                        self.owner_of[e] = Some(self.state(c));
                        self.by_key.insert(key, e);
                        e
                    }
                };
                self.mention(e, head.span, si, MentionKind::Name);
                Some(e)
            }
            Sense::Capital(_) | Sense::Seat(_) => {
                let c = match s {
                    Sense::Seat(si) => self.lex.seats[si].country,
                    Sense::Capital(c) => c,
                    _ => return None,
                };
                let prev = self.prev_word(st, ph.start);
                let mut is_place = words::is_place_prep(prev) || ph.hyphen;
                if !is_place && matches!(prev, "and" | "or") {
                    // "in Havana and Washington": conjoined with a place.
                    is_place = self.mentions.last().is_some_and(|m| {
                        m.sentence == si && self.entities[m.entity].kind == EntityKind::Place
                    });
                }
                if ph.poss {
                    is_place = false;
                }
                // A dateline ("NAIROBI --") names the place of writing.
                let t = head.text(self.text);
                if t.chars().count() > 2 && t.chars().all(|c| !c.is_lowercase()) {
                    is_place = true;
                }
                if is_place {
                    let name = title_case(strip_the(head.text(self.text)));
                    let code = self.lex.countries[c].code.clone();
                    let e = self.place(&name, Some(code));
                    self.mention(e, head.span, si, MentionKind::Name);
                    Some(e)
                } else {
                    let e = self.state(c);
                    self.mention(e, head.span, si, MentionKind::Metonym);
                    Some(e)
                }
            }
            Sense::City(_) => {
                let e = self.sense_entity(s)?;
                self.mention(e, head.span, si, MentionKind::Name);
                Some(e)
            }
            Sense::Org(o) => {
                let e = self.org_unit_entity(st, st.parsed[p].head, o);
                let t = head.text(self.text);
                let kind = if t.starts_with("the ") || t.starts_with("The ") {
                    MentionKind::Nominal
                } else {
                    MentionKind::Name
                };
                self.mention(e, head.span, si, kind);
                Some(e)
            }
            _ => None,
        }
    }

    fn resolve_role(
        &mut self,
        st: &mut Sent,
        p: usize,
        role: usize,
        plural: bool,
    ) -> Option<usize> {
        let si = st.index;
        let pa = st.parsed[p].clone();
        let ph = st.phrases[p].clone();
        let r = self.lex.roles[role].clone();
        let has_owner =
            !pa.owners.is_empty() || st.of_target[p].is_some() || st.pron_owner[p].is_some();
        let mut code = self.phrase_code(st, p, 0);
        let mut country = self.phrase_owner(st, p, 0).and_then(|o| o.country);
        if code.is_none() && !has_owner {
            let sector = compose::sector(self.lex, &pa).unwrap_or("");
            let scene = || {
                words::is_scene_role(&r.phrase)
                    .then(|| self.scene_country(st, p))
                    .flatten()
            };
            if let Some(iso) = self.context_country(st, p, sector).or_else(scene) {
                code = Some(format!("{iso}{sector}"));
                country = Some(iso);
            }
        }
        let org_owner = pa.owners.last().and_then(|&u| match st.units[u].sense() {
            Some(Sense::Org(o)) => Some(o),
            _ => None,
        });
        let kind = if plural { RoleKind::Group } else { r.kind };
        match kind {
            RoleKind::Title => None,
            RoleKind::Anaphor => {
                if has_owner || ph.det != Det::Definite {
                    return None;
                }
                let e = self.person_by_role(&r.phrase)?;
                let hs = self.head_span(st, p);
                self.mention(e, hs, si, MentionKind::Nominal);
                Some(e)
            }
            RoleKind::Person => {
                if !has_owner && ph.det == Det::None {
                    return None;
                }
                let owner = self.owner_mentions(st, p);
                let of_e = st.of_target[p].and_then(|q| self.resolve(st, q));
                let hs = self.head_span(st, p);
                if ph.det == Det::Definite && !has_owner {
                    if let Some(e) = self.person_by_role(&r.phrase) {
                        self.mention(e, hs, si, MentionKind::Nominal);
                        return Some(e);
                    }
                }
                let name = self.bare_text(st, p);
                let e = if ph.det == Det::Definite {
                    let key = format!("person|{}|{}", code.as_deref().unwrap_or("-"), r.phrase);
                    match self.by_key.get(&key) {
                        Some(&e) => e,
                        None => {
                            let e = self.new_entity(&name, code.clone(), EntityKind::Person);
                            self.by_key.insert(key, e);
                            e
                        }
                    }
                } else {
                    self.new_entity(&name, code.clone(), EntityKind::Person)
                };
                for &(_, ri, _) in &pa.roles {
                    let ph = self.lex.roles[ri].phrase.clone();
                    if self.lex.roles[ri].kind != RoleKind::Title {
                        self.add_role(e, &ph);
                    }
                    if let Some(g) = self.lex.roles[ri].gender {
                        self.entities[e].gender = Some(g);
                    }
                }
                self.set_country(e, country);
                self.owner_of[e] = owner.or(of_e).or(st.pron_owner[p]);
                self.mention(e, hs, si, MentionKind::Nominal);
                Some(e)
            }
            RoleKind::Group => {
                let owner = self.owner_mentions(st, p);
                let of_e = st.of_target[p].and_then(|q| self.resolve(st, q));
                let name = self.bare_text(st, p);
                let name = name
                    .split(' ')
                    .skip_while(|w| words::is_group_number(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                let key = format!("group|{}", name.to_lowercase());
                let e = match self.by_key.get(&key) {
                    Some(&e) => e,
                    None => {
                        let e = self.new_entity(&name, code, EntityKind::Group);
                        self.by_key.insert(key, e);
                        self.set_country(e, country);
                        self.owner_of[e] = owner.or(of_e).or(st.pron_owner[p]);
                        self.add_role(e, &r.phrase);
                        e
                    }
                };
                let hs = self.head_span(st, p);
                self.mention(e, hs, si, MentionKind::Nominal);
                Some(e)
            }
            RoleKind::Org | RoleKind::Subunit | RoleKind::Place => {
                if !has_owner {
                    if ph.det != Det::Definite {
                        return None;
                    }
                    let hs = Span::new(ph.start, ph.end);
                    let found = self
                        .org_anaphor(&r.phrase, si)
                        .or_else(|| self.org_anaphor(last_word(&r.phrase), si));
                    if let Some(e) = found {
                        self.mention(e, hs, si, MentionKind::Nominal);
                        return Some(e);
                    }
                    if kind != RoleKind::Org {
                        return None;
                    }
                    let name = self.bare_text(st, p);
                    let e = self.new_entity(&name, code, EntityKind::Organization);
                    self.set_country(e, country);
                    self.heads[e] = vec![r.phrase.clone(), last_word(&r.phrase).to_string()];
                    self.mention(e, hs, si, MentionKind::Nominal);
                    return Some(e);
                }
                let owner = self.owner_mentions(st, p);
                let of_e = st.of_target[p].and_then(|q| self.resolve(st, q));
                let hs = self.head_span(st, p);
                let owner_named_so = org_owner.is_some_and(|o| {
                    self.lex.orgs[o]
                        .anaphora
                        .iter()
                        .any(|h| h == &r.phrase || h == last_word(&r.phrase))
                });
                if (kind == RoleKind::Subunit || owner_named_so) && org_owner.is_some() {
                    // "the NATO press office" speaks for NATO; "the RIA news agency" is RIA.
                    let e = owner?;
                    self.mention(e, hs, si, MentionKind::Nominal);
                    return Some(e);
                }
                let name = self.bare_text(st, p);
                let ekind = if kind == RoleKind::Place {
                    EntityKind::Place
                } else {
                    EntityKind::Organization
                };
                let key = format!(
                    "org|{}|{}|{}",
                    code.as_deref().unwrap_or("-"),
                    r.phrase,
                    if ekind == EntityKind::Place {
                        name.to_lowercase()
                    } else {
                        String::new()
                    }
                );
                let e = match self
                    .by_name
                    .get(&name.to_lowercase())
                    .copied()
                    .or_else(|| self.by_key.get(&key).copied())
                {
                    Some(e) => e,
                    None => {
                        // A building has no code, but a diplomatic post speaks
                        // for its state ("the Chinese embassy said": CHNGOV).
                        let c = if ekind == EntityKind::Place
                            && !words::is_diplomatic_role(&r.phrase)
                        {
                            None
                        } else {
                            code
                        };
                        let e = self.new_entity(&name, c, ekind);
                        self.by_key.insert(key, e);
                        self.set_country(e, country);
                        self.owner_of[e] = owner.or(of_e).or(st.pron_owner[p]);
                        self.heads[e] = vec![r.phrase.clone(), last_word(&r.phrase).to_string()];
                        e
                    }
                };
                self.mention(e, hs, si, MentionKind::Nominal);
                Some(e)
            }
            RoleKind::State => {
                if !has_owner && ph.det == Det::Definite && !plural {
                    // "The kingdom severed ties": the state in focus
                    let e = self.salient_state(st, p)?;
                    let hs = self.head_span(st, p);
                    self.mention(e, hs, si, MentionKind::Nominal);
                    return Some(e);
                }
                let owner = self.owner_mentions(st, p)?;
                if self.entities[owner].kind != EntityKind::State {
                    return None;
                }
                let hs = self.head_span(st, p);
                self.mention(owner, hs, si, MentionKind::Nominal);
                Some(owner)
            }
        }
    }

    fn resolve_name(&mut self, st: &mut Sent, p: usize, nu: usize) -> Option<usize> {
        let si = st.index;
        let pa = st.parsed[p].clone();
        let ph = st.phrases[p].clone();
        let unit = st.units[nu];
        let weak = matches!(unit.kind, UnitKind::Name { weak: true });
        let name_text = unit.text(self.text);
        let name_text = strip_the(name_text).to_string();
        let lw = last_word(&name_text).to_string();
        let existing = self
            .by_name
            .get(&name_text.to_lowercase())
            .copied()
            .or_else(|| {
                (!name_text.contains(' '))
                    .then(|| self.by_surname.get(&name_text.to_lowercase()).copied())
                    .flatten()
            })
            .or_else(|| {
                self.by_part
                    .get(&name_text.to_lowercase())
                    .copied()
                    .flatten()
            });
        if weak && existing.is_none() {
            return None;
        }
        let describer = st.described_by[p];
        let mut roles: Vec<(usize, usize, bool)> = pa.roles.clone();
        if let Some(b) = describer {
            roles.extend(st.parsed[b].roles.iter().copied());
        }
        let role_before_name = pa
            .roles
            .iter()
            .rev()
            .find(|r| r.0 < nu)
            .map(|r| self.lex.roles[r.1].kind);
        let role_after_name = pa
            .roles
            .iter()
            .find(|r| r.0 > nu)
            .map(|r| self.lex.roles[r.1].kind);
        let kind = if describer.is_some()
            || role_before_name.is_some_and(|k| matches!(k, RoleKind::Person | RoleKind::Title))
        {
            Some(EntityKind::Person)
        } else if role_before_name.is_some_and(|k| matches!(k, RoleKind::Org | RoleKind::Subunit))
            || role_after_name.is_some_and(|k| matches!(k, RoleKind::Org | RoleKind::Subunit))
        {
            Some(EntityKind::Organization)
        } else if role_after_name == Some(RoleKind::Place)
            || role_before_name == Some(RoleKind::Place)
        {
            Some(EntityKind::Place)
        } else if words::org_head(&lw).is_some()
            || name_text
                .split_once(" of ")
                .is_some_and(|(a, _)| words::org_head(last_word(a)).is_some())
        {
            Some(EntityKind::Organization)
        } else if words::is_place_head(&lw)
            || name_text
                .split_once(" of ")
                .is_some_and(|(a, _)| words::is_place_head(last_word(a)))
        {
            Some(EntityKind::Place)
        } else if words::is_thing_head(&lw) {
            None
        } else if let Some(e) = existing {
            Some(self.entities[e].kind)
        } else if let Some(tagged) = self.tagged_kind(unit.span) {
            // an unknown name: the entity tagger's type ("Qatar Airways", "the Houthis")
            tagged
        } else if ph.det == Det::Definite && !name_text.contains(' ') && name_text.ends_with('s') {
            // "the Greens", "the Democrats": a party or group.
            Some(EntityKind::Group)
        } else if self.after_place_noun(st, ph.start) && pa.owners.is_empty() {
            // "the region of Zlin", "the city of Kherson".
            Some(EntityKind::Place)
        } else if words::is_place_prep(self.prev_word(st, ph.start)) && pa.owners.is_empty() {
            Some(EntityKind::Place)
        } else if !pa.owners.is_empty()
            || name_text.contains(' ')
            || self
                .next_word_after(st, ph.ext_end)
                .is_some_and(words::is_speech_or_aux)
        {
            Some(EntityKind::Person)
        } else {
            None
        };
        let kind = kind?;
        // "the Biden administration", "Putin's office": a body led by a known person.
        if let (Some(pe), Some(k)) = (existing, role_after_name) {
            if self.entities[pe].kind == EntityKind::Person
                && matches!(k, RoleKind::Org | RoleKind::Subunit)
            {
                self.mention(pe, unit.span, si, MentionKind::Name);
                let name = format!("{} {}", name_text, self.text[unit.ext_end..ph.end].trim());
                let key = format!("led|{pe}|{}", name.to_lowercase());
                let e = match self.by_key.get(&key) {
                    Some(&e) => e,
                    None => {
                        let code = self.entities[pe].code.clone();
                        let e = self.new_entity(&name, code, EntityKind::Organization);
                        self.set_country(e, self.entities[pe].country.clone());
                        self.owner_of[e] = Some(pe);
                        self.by_key.insert(key, e);
                        e
                    }
                };
                let after = pa
                    .roles
                    .iter()
                    .find(|r| r.0 > nu)
                    .map(|r| st.units[r.0].span.start);
                if let Some(a) = after {
                    self.mention(e, Span::new(a, ph.end), si, MentionKind::Nominal);
                }
                return Some(e);
            }
        }
        let owner = self.owner_mentions(st, p);
        let mut code = self.phrase_code(st, p, 0);
        let mut country = self.phrase_owner(st, p, 0).and_then(|o| o.country);
        let mut owner_e = owner;
        if let Some(b) = describer {
            if code.is_none() {
                code = self.phrase_code(st, b, 0);
                country = self.phrase_owner(st, b, 0).and_then(|o| o.country);
            }
        }
        // "President Alpha Conde" with no country in the phrase: the country
        // the context establishes, as for a bare role ("the president")
        let has_owner =
            !pa.owners.is_empty() || st.of_target[p].is_some() || st.pron_owner[p].is_some();
        if code.is_none()
            && kind == EntityKind::Person
            && !has_owner
            && existing.is_none()
            && describer.is_none()
            && !pa.roles.is_empty()
        {
            let sector = compose::sector(self.lex, &pa).unwrap_or("");
            if let Some(iso) = self.context_country(st, p, sector) {
                code = Some(format!("{iso}{sector}"));
                country = Some(iso);
            }
        }
        if kind == EntityKind::Place {
            code = None;
        }
        // Canonical name.
        let canon = match kind {
            EntityKind::Organization if role_before_name.is_none() && role_after_name.is_none() => {
                self.bare_text(st, p)
            }
            _ => name_text.clone(),
        };
        let e = match existing.filter(|&e| {
            self.entities[e].kind == kind
                || kind == EntityKind::Person && self.entities[e].kind == EntityKind::Person
        }) {
            Some(e) => {
                if self.entities[e].code.is_none() {
                    self.set_code(e, code.clone());
                }
                e
            }
            None => match self.by_name.get(&canon.to_lowercase()).copied() {
                Some(e) => e,
                None => {
                    let e = self.new_entity(&canon, code.clone(), kind);
                    self.set_country(e, country.clone());
                    if kind == EntityKind::Person {
                        self.by_surname.entry(lw.to_lowercase()).or_insert(e);
                        self.add_name_parts(&canon, e);
                    }
                    if kind == EntityKind::Organization {
                        self.heads[e] = vec![lw.to_lowercase()];
                        for &(_, ri, _) in &roles {
                            self.heads[e].push(self.lex.roles[ri].phrase.clone());
                        }
                    }
                    e
                }
            },
        };
        if self.entities[e].country.is_none() {
            self.set_country(e, country);
        }
        if let Some(q) = st.of_target[p] {
            owner_e = owner_e.or(self.resolve(st, q));
        }
        if self.owner_of[e].is_none() {
            self.owner_of[e] = owner_e;
        }
        for &(_, ri, _) in &roles {
            let role = &self.lex.roles[ri];
            let (ph_r, g, k) = (role.phrase.clone(), role.gender, role.kind);
            let noun = role.noun.clone();
            if k == RoleKind::Person && self.entities[e].kind == EntityKind::Person {
                self.add_role(e, &ph_r);
            }
            if let Some(noun) = noun.filter(|_| self.entities[e].kind == EntityKind::Person) {
                // "Lt. Gen. Kim" is later "the general".
                self.add_role(e, &noun);
            }
            if g.is_some() && self.entities[e].gender.is_none() {
                self.entities[e].gender = g;
            }
        }
        let span = if self.entities[e].kind == EntityKind::Person || pa.owners.is_empty() {
            let s = self.head_span(st, p);
            if pa.owners.is_empty() && ph.det != Det::None {
                Span::new(st.units[ph.units[0]].span.start, ph.end)
            } else {
                s
            }
        } else {
            self.head_span(st, p)
        };
        self.mention(e, span, si, MentionKind::Name);
        // "the Shanghai Institute for International Studies (SIIS)": the
        // acronym in brackets names the same entity later on.
        if let Some(rest) = self.text[ph.ext_end..].strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let acr = &rest[..close];
                if (2..=10).contains(&acr.len())
                    && acr.chars().all(|c| c.is_ascii_uppercase() || c == '-')
                {
                    self.by_name.entry(acr.to_lowercase()).or_insert(e);
                }
            }
        }
        Some(e)
    }

    // ---- anaphora ---------------------------------------------------------

    /// The most recent person a definite role noun ("the minister", "the envoy") refers to.
    /// Registers the parts of person `e`'s name in [`Resolver::by_part`]:
    /// capitalised words of two letters or more ("Hu", "Xi"), not the particles
    /// of Arabic, Romance, Dutch or German names ("Al", "bin", "De", "van").
    fn add_name_parts(&mut self, name: &str, e: usize) {
        let mut parts: Vec<String> = Vec::new();
        for part in name.split([' ', '-']) {
            let lower = part.to_lowercase();
            if part.chars().count() < 2
                || !part.starts_with(char::is_uppercase)
                || words::is_name_part_particle(&lower)
            {
                continue;
            }
            parts.push(lower);
        }
        // Two-part surnames and given names: "Ruiz Castaño" and "López Obrador"
        // are the tails of "María Fernanda Ruiz Castaño", "Andrés Manuel López Obrador".
        let words: Vec<&str> = name.split(' ').collect();
        for k in 1..words.len().saturating_sub(1) {
            parts.push(words[k..].join(" ").to_lowercase());
        }
        for part in parts {
            self.by_part
                .entry(part)
                .and_modify(|x| {
                    if *x != Some(e) {
                        *x = None;
                    }
                })
                .or_insert(Some(e));
        }
    }

    fn person_by_role(&self, role: &str) -> Option<usize> {
        let similar = role_family(role);
        let fits = |r: &String, s: &str| r == s || r.ends_with(&format!(" {s}"));
        let last = self.mentions.last().map_or(0, |m| m.sentence);
        self.mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence + 30 >= last)
            .map(|m| m.entity)
            .find(|&e| {
                let ent = &self.entities[e];
                ent.kind == EntityKind::Person
                    && ent
                        .roles
                        .iter()
                        .any(|r| fits(r, role) || similar.iter().any(|s| fits(r, s)))
            })
    }

    /// The organisation in focus that `head` ("alliance", "organization") can refer to.
    fn org_anaphor(&self, head: &str, si: usize) -> Option<usize> {
        // An entity another definite description already took in this sentence
        // ("The alliance said the bloc's plans ...") is the last resort.
        let taken: Vec<usize> = self
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == si)
            .filter(|m| m.kind == MentionKind::Nominal)
            .map(|m| m.entity)
            .collect();
        self.org_anaphor_among(head, &taken)
            .or_else(|| self.org_anaphor_among(head, &[]))
    }

    fn org_anaphor_among(&self, head: &str, skip: &[usize]) -> Option<usize> {
        let generic = words::is_generic_org_head(head);
        for &e in self.focus.iter().rev().take(40) {
            let mut root = e;
            let mut guard = 0;
            while let Some(o) = self.owner_of[root] {
                if self.entities[o].kind != EntityKind::Organization || guard > 4 {
                    break;
                }
                root = o;
                guard += 1;
            }
            for c in [root, e] {
                if skip.contains(&c) {
                    continue;
                }
                if self.heads[c].iter().any(|h| h == head) {
                    return Some(c);
                }
                if generic
                    && self.entities[c]
                        .code
                        .as_deref()
                        .is_some_and(|x| x.starts_with("IGO") || x.starts_with("NGO"))
                {
                    return Some(c);
                }
            }
        }
        None
    }

    fn pronoun(&mut self, si: usize, span: Span, p: Pronoun, speech: bool) {
        let e = match p {
            Pronoun::He | Pronoun::She => {
                let g = if p == Pronoun::He {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let ok = |r: &Resolver, e: usize| {
                    let ent = &r.entities[e];
                    ent.kind == EntityKind::Person && ent.gender.is_none_or(|x| x == g)
                };
                // Mentions of the last ten sentences, oldest first.
                let mut before: Vec<&Mention> = self
                    .mentions
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence + 10 >= si)
                    .filter(|m| m.span.end <= span.start)
                    .collect();
                before.reverse();
                // (a) a person earlier in the same sentence; for "he said" after a
                // quotation, not one named inside the quotation.
                let in_sentence = before
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence == si)
                    .filter(|m| !speech || !self.in_quote(span.start, m.span.start))
                    .map(|m| m.entity)
                    .find(|&e| ok(self, e));
                // (b) the subject of the previous sentence, when it is a person.
                let prev_subject = before
                    .iter()
                    .rev()
                    .find(|m| m.sentence < si)
                    .map(|m| m.sentence)
                    .and_then(|ps| {
                        before
                            .iter()
                            .find(|m| m.sentence == ps && m.kind != MentionKind::Demonym)
                    })
                    .map(|m| m.entity)
                    .filter(|&e| ok(self, e));
                // (c) a recent speaker; (d) the most recent person.
                let speaker = (si.saturating_sub(3)..si)
                    .rev()
                    .filter_map(|t| self.speakers[t])
                    .find(|&e| ok(self, e));
                let recent = before.iter().rev().map(|m| m.entity).find(|&e| ok(self, e));
                in_sentence
                    .or(prev_subject)
                    .or(speaker)
                    .or(recent)
                    .inspect(|&e| {
                        if self.entities[e].gender.is_none() {
                            self.entities[e].gender = Some(g);
                        }
                    })
            }
            Pronoun::They => {
                let collective = |r: &Resolver, m: &Mention| {
                    m.kind != MentionKind::Demonym
                        && matches!(
                            r.entities[m.entity].kind,
                            EntityKind::Group | EntityKind::Organization
                        )
                };
                let mut before: Vec<&Mention> = self
                    .mentions
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence + 2 >= si)
                    .filter(|m| m.span.end <= span.start)
                    .filter(|m| collective(self, m))
                    .collect();
                before.reverse();
                let in_sentence = before.iter().rev().find(|m| m.sentence == si);
                match (in_sentence, before.last()) {
                    (Some(m), _) => Some(m.entity),
                    // "They said": the subject of the previous sentence.
                    (None, Some(last)) if speech => before
                        .iter()
                        .find(|m| m.sentence == last.sentence)
                        .map(|m| m.entity),
                    (None, Some(last)) => Some(last.entity),
                    _ => None,
                }
            }
            Pronoun::We => {
                self.we.push((si, span));
                None
            }
        };
        if let Some(e) = e {
            self.mention(e, span, si, MentionKind::Pronoun);
        }
    }

    /// True when byte `pos` lies inside a quotation that closes before `until`.
    fn in_quote(&self, until: usize, pos: usize) -> bool {
        // Look back to the paragraph start, but never more than 4 KiB.
        let mut from = pos.saturating_sub(4096);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let para_start = self.text[from..pos]
            .rfind('\n')
            .map_or(from, |i| from + i + 1);
        let mut open = false;
        for c in self.text[para_start..pos].chars() {
            match c {
                '“' | '«' => open = true,
                '”' | '»' => open = false,
                '"' => open = !open,
                _ => {}
            }
        }
        open && self.text[pos..until]
            .chars()
            .any(|c| matches!(c, '”' | '»' | '"'))
    }

    /// Who speaks in sentence `si`: an actor next to a speech verb.
    fn find_speaker(&self, si: usize, units: &[Unit]) -> Option<usize> {
        let mut ms: Vec<&Mention> = self
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence >= si)
            .filter(|m| m.sentence == si)
            .collect();
        ms.sort_by_key(|m| m.span.start);
        for u in units
            .iter()
            .filter(|u| u.is_word() && words::is_speech_verb(u.text(self.text)))
        {
            // Before the verb: "Lavrov said", "X, a NATO spokeswoman, said".
            let before = ms
                .iter()
                .rev()
                .find(|m| m.span.end <= u.span.start && m.kind != MentionKind::Demonym);
            if let Some(m) = before {
                let gap = &self.text[m.span.end..u.span.start];
                if gap.chars().all(|c| c.is_whitespace() || c == ',') && self.actor(m.entity) {
                    return Some(m.entity);
                }
            }
            // After the verb: "said Russian Foreign Minister Sergey Lavrov".
            let mut pos = u.span.end;
            for m in ms.iter().filter(|m| m.span.start >= u.span.end) {
                let gap = &self.text[pos..m.span.start];
                let clean = gap.split_whitespace().all(|w| words::det(w).is_some());
                if !clean {
                    break;
                }
                if m.kind == MentionKind::Demonym || !self.actor(m.entity) {
                    pos = m.span.end;
                    continue;
                }
                return Some(m.entity);
            }
        }
        None
    }

    fn actor(&self, e: usize) -> bool {
        self.entities[e].kind != EntityKind::Place
    }

    /// Second pass: "we" refers to the speaker's side.
    fn resolve_we(&mut self, doc: &Doc) {
        let we = std::mem::take(&mut self.we);
        for (si, span) in we {
            let para = doc.sentences[si].paragraph;
            let same_para = |t: usize| doc.sentences.get(t).is_some_and(|s| s.paragraph == para);
            let mut speaker = self.speakers[si];
            for t in si + 1..si + 4 {
                if speaker.is_some() || !same_para(t) {
                    break;
                }
                speaker = self.speakers[t];
            }
            for t in (si.saturating_sub(3)..si).rev() {
                if speaker.is_some() || !same_para(t) {
                    break;
                }
                speaker = self.speakers[t];
            }
            let Some(sp) = speaker else { continue };
            let side = match self.entities[sp].kind {
                EntityKind::Person => {
                    let Some(o) = self.owner_of[sp] else { continue };
                    let oc = self.entities[o].code.clone().unwrap_or_default();
                    match (&self.entities[o].country, self.entities[o].kind) {
                        (Some(c), EntityKind::Organization)
                            if !oc.starts_with("IGO") && !oc.starts_with("NGO") =>
                        {
                            let c = c.clone();
                            match self.lex.countries.iter().position(|x| x.code == c) {
                                Some(ci) => self.state(ci),
                                None => o,
                            }
                        }
                        _ => o,
                    }
                }
                _ => sp,
            };
            self.mentions.push(Mention {
                entity: side,
                span,
                sentence: si,
                kind: MentionKind::Pronoun,
            });
        }
    }
}

/// Role nouns a later definite description may use for the same person
/// ("the envoy" for an ambassador, "the leader" for a president).
fn role_family(role: &str) -> &'static [&'static str] {
    const DIPLOMAT: &[&str] = &[
        "ambassador",
        "envoy",
        "diplomat",
        "permanent representative",
        "special representative",
        "representative",
        "charge d'affaires",
        "chargé d'affaires",
        "consul",
        "consul general",
        "emissary",
        "negotiator",
    ];
    const LEADER: &[&str] = &[
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emir",
        "sultan",
        "head of state",
        "head of government",
        "leader",
    ];
    const SPOKES: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press secretary",
    ];
    const MINISTER: &[&str] = &[
        "minister",
        "secretary",
        "foreign secretary",
        "secretary of state",
    ];
    match role {
        "envoy" | "ambassador" | "diplomat" | "emissary" | "representative" => DIPLOMAT,
        "leader" | "premier" | "president" | "prime minister" | "chancellor" => LEADER,
        "spokesman" | "spokeswoman" | "spokesperson" => SPOKES,
        "minister" | "secretary" => MINISTER,
        _ => &[],
    }
}

/// The country of a place name the lexicon knows as a whole (a country,
/// capital or city).
fn place_country(lex: &ActorLexicon, name: &str) -> Option<String> {
    let m = lex.match_at(name, 0).filter(|m| m.span.end == name.len())?;
    let c = match m.sense {
        Sense::Capital(c) | Sense::CountryName(c) => c,
        Sense::City(i) => lex.cities[i].1,
        _ => return None,
    };
    Some(lex.countries[c].code.clone())
}

/// "NAIROBI" -> "Nairobi" for names written in capitals (datelines); other
/// names are kept as written.
fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
