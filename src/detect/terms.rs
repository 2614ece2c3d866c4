//! Confidential wording (OSL) and special categories of personal data
//! (GDPR art. 9-10), from the rule files in `patterns/rules/` plus the
//! `[[term]]` rules of user rule files.
//!
//! All terms of all files are one Aho-Corasick automaton, run once over a
//! case-folded copy of the text (folding keeps byte lengths, so spans map
//! back exactly). A match must start a word and, unless the term ends in
//! `*`, end one: `hot` is not found in `hotell`, nor `dom` in `domkyrka`. A
//! match inside a URL, a path or an e-mail address is skipped (`/lvu-info`).
//! In a sentence that explains rules or services to the public (a file's
//! `general_context` phrases: `vi kan inte svara på frågor som omfattas av
//! sekretess`) a match drops to `info` and its explanation says why. A term
//! marked `marking = true` (`UTKAST`, `INTERNT`) counts only as a marking: in
//! capitals, or opening a line, or followed by a colon or dash. A term of a
//! rule marked `capitals = true` (`KOL`, `har MS`) counts only with its
//! capitals as written, and not before a capitalised word (`MS Teams`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{Detector, ScanCtx};
use crate::explain::Message;
use crate::finding::{Finding, Kind, Severity};
use crate::rules::RuleFile;
use crate::text::fold;
use crate::Error;

/// The explanation of a term rule: its text with the legal reference.
fn term_message(file: &RuleFile, t: &crate::rules::TermRule) -> Message {
    let reference = t.reference.as_ref().or(file.reference.as_ref());
    let with_ref = |text: &str| match reference {
        Some(r) => format!("{text} ({r})"),
        None => text.to_string(),
    };
    Message {
        sv: with_ref(&t.sv),
        en: with_ref(&t.en),
    }
}

/// Every term rule's explanation in `files`, by rule id.
pub(crate) fn term_messages(files: &[(String, RuleFile)]) -> Vec<(String, Message)> {
    files
        .iter()
        .flat_map(|(_, f)| {
            f.term
                .iter()
                .map(move |t| (t.id.clone(), term_message(f, t)))
        })
        .collect()
}

/// One rule compiled.
struct Term {
    id: std::borrow::Cow<'static, str>,
    marking: bool,
    kind: Kind,
    severity: Severity,
    score: f32,
    message: Message,
    /// Index into `Terms::general` of this rule's file.
    file: usize,
}

/// Finds confidential and sensitive wording.
pub struct Terms {
    automaton: AhoCorasick,
    /// The terms' openings; `None` when some term cannot be gated so (it is
    /// shorter than three bytes, or does not open with a letter) and the
    /// automaton reads the whole text.
    openings: Option<Openings>,
    /// Per automaton pattern: (term index, matches any word ending).
    patterns: Vec<(usize, bool)>,
    /// Per automaton pattern of a `capitals` rule, the term as written.
    written: Vec<Option<Box<str>>>,
    terms: Vec<Term>,
    /// Every file's `general_context` phrases in one automaton, with the
    /// file each phrase belongs to.
    /// As an NFA, built with the scanner (cheap, and proof that the phrases
    /// build); as a DFA, built on the first sentence that needs it: faster
    /// to search, slower to build, and a check of one draft with no term in
    /// it never needs it.
    general: AhoCorasick,
    general_dfa: std::sync::OnceLock<Option<AhoCorasick>>,
    general_text: Vec<String>,
    general_file: Vec<usize>,
    /// The rules with `after` phrases, or `None` when there are none.
    after: Option<After>,
}

/// The rules with `after` phrases, matched at their terms: at a word whose
/// opening may start one of their terms, the term is compared and then its
/// rule's phrases are looked for right before it, one space between.
/// (Compiled as `phrase term` patterns in the main automaton instead, their
/// hundreds of combinations made a `postvakt check` of one draft 26.7
/// million instructions instead of 18.9; a separate automaton for the
/// phrases, searched at every word, cost the scan 9 % more instructions.)
struct After {
    /// The terms shorter than three bytes (`SD`, `LO`), folded: only a word
    /// that is one of them is looked at. The longer terms' openings are in
    /// the terms' own [`Openings`] (the terms are rarer words than the
    /// phrases: `Vänsterpartiet`, not `är`), so they cost no test of their
    /// own at most words.
    short: Vec<Box<[u8]>>,
    /// Every term, sorted by its folded bytes.
    terms: Vec<AfterTerm>,
}

/// A term of an after rule.
struct AfterTerm {
    folded: Box<[u8]>,
    /// Its index into `Terms::patterns`.
    pattern: usize,
    /// The term as written, when its rule counts capitals.
    written: Option<Box<str>>,
    /// Its rule's phrases, folded.
    phrases: std::sync::Arc<[Box<[u8]>]>,
}

impl Terms {
    /// Compiles every `[[term]]` of the given rule files into one automaton.
    ///
    /// # Errors
    /// [`Error::Rules`] when two rules share an id or the automaton cannot
    /// be built.
    pub fn new(files: &[(String, RuleFile)]) -> Result<Self, Error> {
        let mut patterns_text = Vec::new();
        let mut patterns = Vec::new();
        let mut written = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut general_text = Vec::new();
        let mut general_file = Vec::new();
        let mut after_rules: Vec<(usize, &crate::rules::TermRule)> = Vec::new();
        for (fi, (name, file)) in files.iter().enumerate() {
            for p in &file.general_context {
                general_text.push(fold(p));
                general_file.push(fi);
            }
            for t in &file.term {
                if terms.iter().any(|x| x.id == t.id) {
                    return Err(Error::Rules {
                        name: name.clone(),
                        line: 0,
                        message: format!("rule id `{}` is used twice", t.id),
                    });
                }
                let index = terms.len();
                terms.push(Term {
                    id: crate::explain::rule_id(&t.id),
                    marking: t.marking,
                    kind: t.kind.or(file.kind).unwrap_or(Kind::Confidential),
                    severity: t.severity,
                    score: t.score.unwrap_or(0.8),
                    message: term_message(file, t),
                    file: fi,
                });
                if !t.after.is_empty() {
                    after_rules.push((index, t));
                    continue;
                }
                for w in &t.terms {
                    let prefix = w.ends_with('*');
                    let w = w.trim_end_matches('*').trim();
                    patterns_text.push(fold(w));
                    patterns.push((index, prefix));
                    written.push(t.capitals.then(|| w.into()));
                }
            }
        }
        // The terms' automaton is a contiguous NFA: since it only searches
        // anchored at the few word starts the openings let through, a full
        // DFA (session 2's choice, when it read the whole text) saved 0.6
        // instructions a byte of the whole scan (134.4 -> 133.8, callgrind,
        // labelled posts) but cost 31 million instructions to build (58 ->
        // 27 million for a whole `postvakt check` of one draft). The
        // general-context automaton reads a sentence for every match and is
        // searched as a DFA (as an NFA the scan cost 2.7 instructions a byte
        // more), built on first use (8.7 million instructions).
        let gateable = patterns_text
            .iter()
            .all(|p: &String| p.len() >= 3 && p.chars().next().is_some_and(char::is_alphabetic));
        let mut openings = gateable.then(|| {
            let mut open = Openings::new();
            for p in &patterns_text {
                open.insert(p.as_bytes());
            }
            open
        });
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(false)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(aho_corasick::StartKind::Both)
            .build(&patterns_text)
            .map_err(|e| Error::pattern("patterns/rules", e))?;
        let general = general_builder(AhoCorasickKind::ContiguousNFA)
            .build(&general_text)
            .map_err(|e| Error::pattern("patterns/rules", e))?;
        // The after rules' terms get pattern indices past the automaton's.
        let after = if after_rules.is_empty() {
            None
        } else {
            let mut terms: Vec<AfterTerm> = Vec::new();
            let mut short = Vec::new();
            for (index, t) in &after_rules {
                let phrases: std::sync::Arc<[Box<[u8]>]> = t
                    .after
                    .iter()
                    .map(|p| fold(p.trim()).into_bytes().into_boxed_slice())
                    .collect();
                for w in &t.terms {
                    let prefix = w.ends_with('*');
                    let w = w.trim_end_matches('*').trim();
                    let folded = fold(w);
                    if folded.len() < 3 {
                        short.push(folded.as_bytes().into());
                    } else if let Some(open) = openings.as_mut() {
                        open.insert(folded.as_bytes());
                    }
                    terms.push(AfterTerm {
                        folded: folded.into_bytes().into_boxed_slice(),
                        pattern: patterns.len(),
                        written: t.capitals.then(|| w.into()),
                        phrases: phrases.clone(),
                    });
                    patterns.push((*index, prefix));
                    written.push(None);
                }
            }
            // Sorted, so a word looks only at the terms of its first byte.
            terms.sort_by(|a, b| a.folded.cmp(&b.folded));
            Some(After { short, terms })
        };
        Ok(Terms {
            automaton,
            openings,
            patterns,
            written,
            terms,
            general,
            general_dfa: std::sync::OnceLock::new(),
            general_text,
            general_file,
            after,
        })
    }
}

/// Adds the after rules' matches to the terms' `found`, in text order: a
/// phrase and its term win over a term they overlap (`röstade på
/// Moderaterna` over the term `röstade på`).
fn merge_phrased(found: &mut Vec<(usize, usize, usize)>, phrased: Vec<(usize, usize, usize)>) {
    if phrased.is_empty() {
        return;
    }
    found.retain(|&(_, s, e)| !phrased.iter().any(|&(_, ps, pe)| s < pe && ps < e));
    found.extend(phrased);
    found.sort_by_key(|&(_, s, _)| s);
}

impl After {
    /// The longest term of an after rule at word `w`, when one of its
    /// rule's phrases and one space stand right before it: (pattern index,
    /// the phrase's start, the term's end).
    fn at(&self, text: &str, hay: &[u8], w: &super::Word) -> Option<(usize, usize, usize)> {
        let p = w.start;
        let short = w.end - p < 3;
        let rest = &hay[p..];
        let before = hay[..p].strip_suffix(b" ")?;
        let first = *rest.first()?;
        let from = self
            .terms
            .partition_point(|t| t.folded.first() < Some(&first));
        let to = self
            .terms
            .partition_point(|t| t.folded.first() <= Some(&first));
        self.terms[from..to]
            .iter()
            .filter(|t| {
                (t.folded.len() >= 3 || short)
                    && rest.starts_with(&t.folded)
                    && t.written
                        .as_ref()
                        .is_none_or(|x| capitals_as_written(x, text, p, p + t.folded.len()))
            })
            .filter_map(|t| {
                // The phrase starts a word.
                let phrase = t
                    .phrases
                    .iter()
                    .filter(|ph| before.ends_with(ph))
                    .max_by_key(|ph| ph.len())?;
                let from = before.len() - phrase.len();
                let starts_word = text[..from]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                starts_word.then_some((t.folded.len(), t.pattern, from))
            })
            .max_by_key(|&(len, _, _)| len)
            .map(|(len, pattern, from)| (pattern, from, p + len))
    }
}

/// The general-context automaton's settings, of either kind.
fn general_builder(kind: AhoCorasickKind) -> AhoCorasickBuilder {
    let mut b = AhoCorasickBuilder::new();
    b.match_kind(MatchKind::Standard)
        .ascii_case_insensitive(false)
        .kind(Some(kind));
    b
}

impl Terms {
    /// The general-context automaton: the DFA once built, the NFA should
    /// the DFA exceed the crate's size limits.
    fn general(&self) -> &AhoCorasick {
        self.general_dfa
            .get_or_init(|| {
                general_builder(AhoCorasickKind::DFA)
                    .build(&self.general_text)
                    .ok()
            })
            .as_ref()
            .unwrap_or(&self.general)
    }
}

/// `UTKAST`, `Internt:`, `[utkast]` or a line that opens with the word:
/// how documents are marked, as against `utkast till översiktsplan`.
fn is_marking(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let caps = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let line_start = text[..start].rsplit('\n').next().is_some_and(|l| {
        l.trim_matches(|c: char| c.is_whitespace() || "[(*#-–".contains(c))
            .is_empty()
    });
    let rest = text[end..].trim_start_matches([' ', ']', ')', '*']);
    caps || (line_start && rest.starts_with([':', '-', '–', '\n']))
        || (line_start && rest.is_empty())
}

/// `KOL` as against `kol` (coal), `hon har MS` as against `MS Teams`: the
/// match at `start` has a capital wherever the term as written has one (the
/// fold keeps byte lengths, so the two line up), and the next word on the
/// line is not capitalised (a product or a name: `MS Office`).
fn capitals_as_written(term: &str, text: &str, start: usize, end: usize) -> bool {
    let Some(matched) = text.get(start..start + term.len()) else {
        return false;
    };
    let cased = term
        .chars()
        .zip(matched.chars())
        .all(|(t, m)| !t.is_uppercase() || m.is_uppercase());
    let next = text[end..].trim_start_matches([' ', '\u{a0}']);
    cased && !next.starts_with(char::is_uppercase)
}

/// The whitespace-delimited token around `start..end`.
fn token(text: &str, start: usize, end: usize) -> &str {
    // After the whitespace character, whatever its width (a no-break space
    // is two bytes). See the fuzz regression test below.
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// Words that cannot end a sentence: a line ending in one runs on.
const RUNS_ON: &[&str] = &[
    "med", "och", "eller", "samt", "som", "att", "en", "ett", "om", "för", "på", "i", "av", "från",
    "till", "vid", "hos", "mot", "inom", "utan", "kring", "under", "efter", "the", "of", "and",
    "with", "for", "to",
];

/// The sentence around `start..end` of `folded` (to `.`, `!`, `?` or a line
/// break). A line break inside a sentence, after a word that cannot end one
/// (`med`, `och`, `för`...) and before a lowercase letter of `text` (the text
/// unfolded: `Att leva med` / `demenssjukdom i familjen.`), does not end it;
/// residents often end a sentence with a line break alone, so no other does.
fn sentence<'f>(text: &str, folded: &'f [u8], start: usize, end: usize) -> &'f [u8] {
    let stop = |c: &u8| matches!(c, b'.' | b'!' | b'?' | b'\n');
    let b = text.as_bytes();
    // The line break at `i` runs on: a word of `RUNS_ON` before it and a
    // lowercase letter after it.
    let runs_on = |i: usize| {
        b[i] == b'\n'
            && text[i + 1..].chars().next().is_some_and(char::is_lowercase)
            && text[..i]
                .trim_end_matches('\r')
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|last| RUNS_ON.iter().any(|w| super::word_is(last, w)))
    };
    // A sentence is read at most `REACH` bytes either side of the match:
    // a text with no sentence end (a huge line of terms) would otherwise
    // have every match read all of it, in time the square of its length.
    const REACH: usize = 600;
    let low = start.saturating_sub(REACH);
    let high = (end + REACH).min(folded.len());
    let mut from = low;
    let mut k = start;
    while let Some(i) = folded[low..k].iter().rposition(stop).map(|i| low + i) {
        if !runs_on(i) {
            from = i + 1;
            break;
        }
        k = i;
    }
    let mut to = high;
    let mut k = end;
    while let Some(i) = folded[k..high].iter().position(stop) {
        if !runs_on(k + i) {
            to = k + i;
            break;
        }
        k += i + 1;
    }
    &folded[from..to]
}

impl Detector for Terms {
    fn id(&self) -> &'static str {
        "terms"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Confidential, Kind::Sensitive]
    }

    fn rules(&self) -> Vec<&str> {
        self.terms.iter().map(|t| &*t.id).collect()
    }

    fn messages(&self) -> Vec<(String, Message)> {
        self.terms
            .iter()
            .map(|t| (t.id.to_string(), t.message.clone()))
            .collect()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let mut found = Vec::new();
        self.find(cx, &mut found);
        merge_phrases(cx.text(), &mut found);
        out.append(&mut found);
    }
}

/// The second parts of compounds that make a term the name of a body, a
/// fund or a day (`ADHD-förbundet`, `Demens-dagen`, `Cancer-fonden`,
/// `HBTQ-certifierad`): a public mention, not about a person.
const BODY_TAILS: &[&str] = &[
    "förbund",
    "förening",
    "fond",
    "dag",
    "vecka",
    "månad",
    "mottagning",
    "klinik",
    "team",
    "enhet",
    "center",
    "centrum",
    "certifi",
    "forskning",
    "organisation",
    "riksförbund",
];

/// `rest` (the text right after a term) opens with `-` and the second part
/// of a compound that names a body, a fund or a day ([`BODY_TAILS`]).
fn names_a_body(rest: &str) -> bool {
    let Some(tail) = rest.strip_prefix('-') else {
        return false;
    };
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    let tail = crate::text::fold(&tail[..end]);
    BODY_TAILS.iter().any(|b| tail.starts_with(b))
}

/// Words that may join two matches of one kind into one phrase:
/// `sjukskriven för utmattningssyndrom`, `diagnosen ADHD`.
/// (`LVU-placerats i ett familjehem`, `placerad på ett HVB-hem`.)
const JOINERS: &[&str] = &[
    "", "för", "med", "av", "i", "enligt", "i ett", "i en", "på", "på ett", "på en",
];

/// Merges findings that stand next to each other with the same kind into
/// one finding spanning both, keeping the first one's rule and the higher
/// severity and score.
fn merge_phrases(text: &str, found: &mut Vec<Finding>) {
    if found.len() < 2 {
        return;
    }
    found.sort_by_key(|f| f.start);
    let mut merged: Vec<Finding> = Vec::with_capacity(found.len());
    // The text of a grown finding is cut once its phrase ends (once per
    // growth, a long run of terms took time in the square of its length).
    let mut grown = false;
    for f in found.drain(..) {
        if let Some(last) = merged.last_mut() {
            if last.kind == f.kind && last.end <= f.start {
                let gap = text[last.end..f.start].trim();
                if f.start - last.end <= 8 && JOINERS.iter().any(|j| super::word_is(gap, j)) {
                    last.end = f.end;
                    last.severity = last.severity.max(f.severity);
                    last.score = last.score.max(f.score);
                    grown = true;
                    continue;
                }
            }
            if grown {
                last.text = text[last.start..last.end].to_string();
                grown = false;
            }
        }
        merged.push(f);
    }
    if let Some(last) = merged.last_mut().filter(|_| grown) {
        last.text = text[last.start..last.end].to_string();
    }
    *found = merged;
}

/// Hashed term openings, one bit set per opening length: the three bytes
/// of three-byte terms, the first four of terms of four to seven bytes and
/// the first eight of longer ones. A position whose opening of no length is
/// in its set cannot start a term. (Eight bytes for long terms: `för`,
/// `har `, `komm` open many words and a few long terms; in the labelled
/// corpus four-byte openings let 13.5 % of the words through, these 2 %.)
struct Openings {
    bits: Vec<u64>,
}

/// The opening lengths, in bytes.
const OPENING_LENGTHS: [usize; 3] = [3, 4, 8];

impl Openings {
    const BITS: u32 = 16;

    fn new() -> Openings {
        Openings {
            bits: vec![0; 3 * (1 << Self::BITS) / 64],
        }
    }

    /// The length class of a term of `len` bytes (at least three).
    fn class(len: usize) -> usize {
        OPENING_LENGTHS
            .iter()
            .rposition(|&n| len >= n)
            .expect("three bytes or more")
    }

    /// The slot of an opening of class `c` held in the low bytes of `x`,
    /// case folded by setting bit 5 of every byte (a filter may confuse a
    /// few other bytes too: that costs a search, never a match).
    #[inline]
    fn slot_of(x: u64, c: usize) -> usize {
        let n = OPENING_LENGTHS[c];
        let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
        let k = (x | 0x2020_2020_2020_2020) & mask;
        c << Self::BITS | (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    /// Up to eight bytes of `h` from `p`, little-endian, and how many.
    #[inline]
    fn load(h: &[u8], p: usize) -> (u64, usize) {
        match h.get(p..p + 8) {
            Some(k) => (u64::from_le_bytes(k.try_into().expect("eight bytes")), 8),
            None => {
                let k = h.get(p..).unwrap_or_default();
                let mut word = [0u8; 8];
                word[..k.len()].copy_from_slice(k);
                (u64::from_le_bytes(word), k.len())
            }
        }
    }

    fn insert(&mut self, term: &[u8]) {
        let slot = Self::slot_of(Self::load(term, 0).0, Self::class(term.len()));
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// True when some term may start at `p` (one load for all lengths).
    #[inline]
    fn may_open(&self, h: &[u8], p: usize) -> bool {
        let (x, n) = Self::load(h, p);
        OPENING_LENGTHS
            .iter()
            .enumerate()
            .take_while(|&(_, &len)| len <= n)
            .any(|(c, _)| {
                let s = Self::slot_of(x, c);
                self.bits[s / 64] & (1 << (s % 64)) != 0
            })
    }
}

impl Terms {
    /// Matches as (pattern, start, end) in text order. A term starts a word
    /// or follows a hyphen or apostrophe inside one, so only those
    /// positions whose opening bytes open some term (one hash and one bit
    /// each) get an anchored automaton search; most words are turned away
    /// without the automaton reading them.
    fn matches(&self, cx: &ScanCtx<'_>, hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let text = cx.text();
        let Some(open) = &self.openings else {
            let mut found: Vec<(usize, usize, usize)> = self
                .automaton
                .find_iter(hay)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            if let Some(a) = &self.after {
                let phrased = cx
                    .words()
                    .iter()
                    .filter_map(|w| a.at(text, hay, w))
                    .collect();
                merge_phrased(&mut found, phrased);
            }
            return found;
        };
        let mut found = Vec::new();
        let mut resume = 0;
        let mut phrased = Vec::new();
        let mut try_at = |p: usize, found: &mut Vec<(usize, usize, usize)>, opens: bool| {
            if p < resume || !opens {
                return;
            }
            let input = aho_corasick::Input::new(hay)
                .span(p..hay.len())
                .anchored(aho_corasick::Anchored::Yes);
            if let Some(m) = self.automaton.find(input) {
                resume = m.end();
                found.push((m.pattern().as_usize(), m.start(), m.end()));
            }
        };
        for w in cx.words() {
            let opens = open.may_open(hay, w.start);
            try_at(w.start, &mut found, opens);
            if let Some(a) = &self.after {
                let short = w.end - w.start < 3;
                let may = if short {
                    a.short.iter().any(|t| **t == hay[w.start..w.end])
                } else {
                    opens
                };
                if may {
                    phrased.extend(a.at(text, hay, w));
                }
            }
            if w.joined() {
                // Letters after a hyphen or apostrophe inside the word.
                let b = w.text(cx.text()).as_bytes();
                for (k, &c) in b.iter().enumerate().skip(1) {
                    let after_joiner = matches!(b[k - 1], b'-' | b'\'' | 0x99);
                    if after_joiner && c != b'-' && c != b'\'' && c != 0xE2 {
                        try_at(w.start + k, &mut found, open.may_open(hay, w.start + k));
                    }
                }
            }
        }
        merge_phrased(&mut found, phrased);
        found
    }

    fn find(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        // The automata match folded terms in the folded text (the name
        // detector folds every text with a capital anyway): built without
        // ASCII case folding of their own, they are cheaper to build (a
        // `postvakt check` 21.8 -> 16.9 million instructions).
        let hay: &[u8] = cx.folded().as_bytes();
        for (pattern, start, end) in self.matches(cx, hay) {
            let (term, prefix) = self.patterns[pattern];
            let (start, mut end) = (start, end);
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            if text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let rest = &text[end..];
            let word_rest = rest
                .char_indices()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
                .map_or(rest.len(), |(i, _)| i);
            if prefix {
                end += word_rest;
            } else if rest.starts_with(char::is_alphanumeric) {
                continue;
            }
            let tok = token(text, start, end);
            if tok.contains("://") || tok.contains("www.") || tok.contains('/') || tok.contains('@')
            {
                continue;
            }
            let t = &self.terms[term];
            if t.marking && !is_marking(text, start, end) {
                continue;
            }
            if let Some(w) = &self.written[pattern] {
                if !capitals_as_written(w, text, start, end) {
                    continue;
                }
            }
            let general = names_a_body(rest) || {
                let s = sentence(text, hay, start, end);
                self.general()
                    .find_overlapping_iter(s)
                    .any(|m| self.general_file[m.pattern().as_usize()] == t.file)
            };
            let mut f = cx.finding(
                t.kind,
                (start, end),
                if general { t.score * 0.6 } else { t.score },
                if general { Severity::Info } else { t.severity },
                t.id.clone(),
            );
            if general {
                f.explanation = format!(
                    "{} {}",
                    f.explanation,
                    cx.message("terms.general_statement")
                )
                .into();
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_no, assert_only_info, scan};
    use crate::{Kind, Severity};

    /// Findings of the default terms over `text`, with the openings filter
    /// or with the automaton reading the whole text.
    type Spans = Vec<(usize, usize, String)>;
    fn both_ways(text: &str) -> (Spans, Spans) {
        use crate::detect::{Detector, ScanCtx};
        use std::sync::LazyLock;
        static GATED: LazyLock<super::Terms> =
            LazyLock::new(|| super::Terms::new(&crate::rules::EMBEDDED_FILES).unwrap());
        static WHOLE: LazyLock<super::Terms> = LazyLock::new(|| {
            let mut t = super::Terms::new(&crate::rules::EMBEDDED_FILES).unwrap();
            t.openings = None;
            t
        });
        let (gated, whole) = (&*GATED, &*WHOLE);
        assert!(
            gated.openings.is_some(),
            "the embedded terms are all gateable"
        );
        let m = crate::explain::Messages::embedded();
        let run = |t: &super::Terms| {
            let cx = ScanCtx::new(text, crate::Lang::Sv, &m, None);
            let mut out = Vec::new();
            t.detect(&cx, &mut out);
            out.into_iter()
                .map(|f| (f.start, f.end, f.rule.to_string()))
                .collect::<Vec<_>>()
        };
        (run(gated), run(whole))
    }

    #[test]
    fn the_openings_filter_finds_what_the_whole_text_search_finds() {
        let texts = [
            "OSL",
            "enligt OSL",
            "ett LVU-ärende och LVM",
            "hiv, HIV. Hiv!",
            "Sekretess gäller; SEKRETESSBELAGT: utkast",
            "Han är sjukskriven för utmattningssyndrom sedan i maj.",
            "medlem i Kommunal och med i facket",
            "x-sekretess och O'sekretess, sekretess’sekretess",
            "Ärendet omfattas av sekretess enligt offentlighets- och sekretesslagen.",
            "ÅTALAD, häktad, gripen — dömd",
            "hotell, domkyrka, dömdes",
            "",
            "a",
            "ab",
            "abc",
        ];
        for text in texts {
            let (gated, whole) = both_ways(text);
            assert_eq!(gated, whole, "{text}");
        }
        // And every text of the labelled corpus.
        let corpus =
            crate::eval::parse_gold_lines(include_str!("../../corpus/labelled.jsonl")).unwrap();
        let mut found = 0;
        for r in &corpus {
            let (gated, whole) = both_ways(&r.text);
            assert_eq!(gated, whole, "{}", r.id);
            found += gated.len();
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn fuzz_no_break_space_before_a_url_token() {
        // Found by `cargo fuzz run scan_text`: a token boundary at a
        // two-byte no-break space.
        let text = "9999y99,r94.0www.9~\u{7}\u{a0}497y9994.0www.9~\u{7}\u{0}0\u{0}\u{0}als";
        let _ = scan(text);
    }

    #[test]
    fn inflections_and_whole_words() {
        for t in [
            "sekretessbelagd",
            "sekretessbelagt",
            "sekretessbelagda",
            "Sekretessbelagda",
            "SEKRETESSBELAGD",
        ] {
            assert_finds(&format!("Uppgiften är {t}."), &[(Kind::Confidential, t)]);
        }
        assert_no(Kind::Sensitive, "Vi bor på hotellet vid domkyrkan.");
    }

    #[test]
    fn social_services_in_the_news_and_in_a_family() {
        for t in [
            "Kommunen har fått kritik av IVO för hanteringen av orosanmälningar.",
            "Nu kan du göra en orosanmälan digitalt.",
            "Protokollet från kommunstyrelsen finns på webben, vissa delar är sekretessbelagda.",
        ] {
            assert_only_info(Kind::Confidential, t);
        }
        assert_finds(
            "Familjen har kontakt med socialtjänsten sedan i våras.",
            &[(Kind::Confidential, "har kontakt med socialtjänsten")],
        );
        assert_no(
            Kind::Confidential,
            "Vid frågor, ta kontakt med socialtjänsten.",
        );
        // A resident's complaint about their own report stays serious.
        let f = scan("Jag vill framföra kritik mot handläggningen av min orosanmälan.");
        assert!(f.iter().any(|f| f.severity == Severity::High), "{f:?}");
    }

    #[test]
    fn bodies_funds_and_days_named_by_a_term_are_public() {
        for t in [
            "ADHD-förbundet har öppet hus på onsdag.",
            "Välkommen till Demens-dagen i Folkets hus.",
            // Public statements of the health file (session 8 probes).
            "Vi välkomnar alla oavsett religion, sexuell läggning eller funktionsnedsättning.",
            "Kommunen erbjuder stöd till dig som är anhörig till någon med demens.",
        ] {
            assert_only_info(Kind::Sensitive, t);
        }
        // The same words about someone, and compounds that say something of
        // a person, stay serious.
        for (t, term) in [
            ("Min son har fått en ADHD-diagnos.", "ADHD"),
            ("Hon har demens och bor på Solgården.", "demens"),
        ] {
            let f = scan(t);
            assert!(
                f.iter()
                    .any(|f| f.text.starts_with(term) && f.severity > Severity::Info),
                "{t}: {f:?}"
            );
        }
    }

    #[test]
    fn the_general_phrases_match_alike_as_nfa_and_dfa() {
        let t = super::Terms::new(&crate::rules::EMBEDDED_FILES).unwrap();
        for s in [
            "så ansöker du om ekonomiskt bistånd",
            "vill du bli familjehem? läs mer här",
            "vi kan inte svara på frågor om enskilda ärenden",
            "ingenting allmänt här",
        ] {
            let hits = |a: &aho_corasick::AhoCorasick| {
                a.find_overlapping_iter(s)
                    .map(|m| (m.pattern(), m.start(), m.end()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(hits(&t.general), hits(t.general()), "{s}");
        }
        assert!(t.general_dfa.get().is_some_and(Option::is_some));
    }

    #[test]
    fn a_child_placed_in_an_emergency_home_is_confidential() {
        assert_finds(
            "Eleven i 7B som är placerad i jourhem ska inte vara med på bilden.",
            &[(Kind::Confidential, "placerad i jourhem")],
        );
        assert_finds(
            "Efter jourhemsplaceringen flyttade hon.",
            &[(Kind::Confidential, "jourhemsplaceringen")],
        );
        assert_finds(
            "Barnen bor i familjehem sedan i somras.",
            &[(Kind::Confidential, "familjehem")],
        );
        // Recruiting foster and emergency homes is a public service: info.
        for t in [
            "Vi söker jourhem och familjehem, läs mer på vår webb.",
            "Det finns familjehem i hela Värmland och vi behöver fler!",
            // The municipality's news and instructions (held-out batch 38).
            "Från 1 januari höjs ersättningen till kommunens familjehem.",
            "Forshaga kommun söker jourhem för barn och unga.",
            "Vill du göra en orosanmälan gör du det till socialtjänsten.",
            "Till alla som undrar: ekonomiskt bistånd söker du via e-tjänsten.",
        ] {
            assert_only_info(Kind::Confidential, t);
        }
        // The same words about someone stay as serious as they are.
        for (t, term) in [
            (
                "Hon bor i ett av kommunens familjehem sedan i våras.",
                "familjehem",
            ),
            (
                "En läsare skriver att kommunen fått en orosanmälan om en familj i Deje.",
                "orosanmälan",
            ),
            (
                "Den där familjen har fått ekonomiskt bistånd i flera år.",
                "ekonomiskt bistånd",
            ),
        ] {
            assert_finds(t, &[(Kind::Confidential, term)]);
            assert!(scan(t).iter().all(|f| f.severity > Severity::Info), "{t}");
        }
    }

    #[test]
    fn decisions_on_care_services_are_confidential_but_the_services_are_not() {
        assert_finds(
            "Vi har fått avslag på ansökan om särskilt boende och vill överklaga.",
            &[(Kind::Confidential, "avslag på ansökan om särskilt boende")],
        );
        assert_finds(
            "Pappa har beviljats hemtjänst två gånger om dagen.",
            &[(Kind::Confidential, "beviljats hemtjänst")],
        );
        assert_no(
            Kind::Confidential,
            "Hemtjänsten och särskilt boende har nya telefontider i jul.",
        );
    }

    #[test]
    fn a_sentence_broken_over_two_lines_is_one() {
        assert_only_info(
            Kind::Sensitive,
            "Föreläsning: Att leva med\ndemenssjukdom i familjen.\nKostnadsfritt.",
        );
        // A line break after a word that can end a sentence ends it, as
        // residents write (no full stop, next line in lower case).
        for t in [
            "Läs mer på webben\nmin son har autism och får ingen hjälp",
            "Läs mer på webben\n\nmin son har autism",
            "Föreläsning om kost i dag.\nhan har diabetes sedan i våras",
        ] {
            let f = scan(t);
            assert!(
                f.iter()
                    .any(|f| f.kind == Kind::Sensitive && f.severity > Severity::Info),
                "{t}: {f:?}"
            );
        }
    }

    #[test]
    fn residents_writing_in_english() {
        assert_finds(
            "My husband has dementia and I cannot leave him alone.",
            &[(Kind::Sensitive, "dementia")],
        );
        assert_finds(
            "Please remove the photo of my son, he is in foster care!",
            &[(Kind::Confidential, "foster care")],
        );
        assert_finds(
            "Her brother is in prison since May.",
            &[(Kind::Sensitive, "in prison")],
        );
        assert_only_info(
            Kind::Confidential,
            "Would you like to become a foster family? Read more on our website.",
        );
        // Everyday English that shares words with the terms.
        for t in [
            "The care home is looking for summer staff.",
            "Enjoy the prison museum tour in Karlstad this weekend!",
            "The Disabled Parking signs are being replaced.",
        ] {
            assert_no(Kind::Confidential, t);
            assert_no(Kind::Sensitive, t);
        }
    }

    #[test]
    fn an_application_for_a_disabled_parking_permit_reveals_health() {
        assert_finds(
            "Din ansökan om parkeringstillstånd för rörelsehindrade har kommit in.",
            &[(
                Kind::Sensitive,
                "ansökan om parkeringstillstånd för rörelsehindrade",
            )],
        );
        // Asking how to get one, and the service announced.
        assert_no(
            Kind::Sensitive,
            "Hur gör jag för att få parkeringstillstånd för rörelsehindrade?",
        );
        assert_only_info(
            Kind::Sensitive,
            "Så här gör du en ansökan om parkeringstillstånd för rörelsehindrade: läs mer på webben.",
        );
    }

    #[test]
    fn a_long_run_of_terms_is_one_phrase_and_a_sentence_has_a_reach() {
        // A run of terms is one phrase, its text cut once.
        let run = "sekretess ".repeat(2_000);
        let f = scan(&run);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, run.trim_end());
        // A sentence is read at most 600 bytes either side of a term: a
        // general phrase farther away in a text with no sentence end does
        // not count.
        let far = format!("läs mer {} sjukskriven", "x ".repeat(400));
        assert!(scan(&far).iter().any(|f| f.severity > Severity::Info));
        let near = format!("läs mer {} sjukskriven", "x ".repeat(100));
        assert_only_info(Kind::Sensitive, &near);
    }

    #[test]
    fn health_and_violence_in_residents_own_words() {
        for (t, term) in [
            (
                "Jag går på antidepressiva sedan i höstas.",
                "antidepressiva",
            ),
            ("Grannen har supit ner sig helt.", "supit ner sig"),
            (
                "Han satt inne för misshandel för några år sedan.",
                "satt inne för",
            ),
            ("Jag är blind och kan inte läsa era pdf:er.", "är blind"),
            ("Min svärmor är döende.", "döende"),
            (
                "Vår granne slår sin fru, vi hör det genom väggen.",
                "slår sin fru",
            ),
            ("Hon har gått in i väggen.", "gått in i väggen"),
        ] {
            assert_finds(t, &[(Kind::Sensitive, term)]);
        }
        // The same words for other things.
        for t in [
            "Vi sitter inne och fikar när det regnar.",
            "Det finns blinda fläckar i korsningen, och en blind fläck vid bron.",
            "Förslaget föll för döva öron i nämnden.",
            "Laget slår sin egen rekordnotering.",
            "Ta pauser så du inte går in i väggen.",
        ] {
            assert_no(Kind::Sensitive, t);
        }
    }

    #[test]
    fn a_wheelchair_user_as_people_write_it() {
        assert_finds(
            "Min mamma sitter i rullstol och kommer inte in på vårdcentralen.",
            &[(Kind::Sensitive, "sitter i rullstol")],
        );
        assert_no(
            Kind::Sensitive,
            "Nya rullstolsramper vid biblioteket och simhallen är klara.",
        );
    }

    #[test]
    fn who_is_offered_a_vaccine_is_public_information() {
        assert_only_info(
            Kind::Sensitive,
            "Du som är 65 år eller äldre, gravid eller har astma erbjuds vaccin utan kostnad.",
        );
        // Not when it says who is pregnant.
        assert_finds(
            "Min dotter är gravid och kan inte städa trappan.",
            &[(Kind::Sensitive, "gravid")],
        );
        assert!(
            scan("Min dotter är gravid och kan inte städa trappan.")[0].severity > Severity::Info
        );
    }

    #[test]
    fn school_suspensions_and_everyday_health_conditions() {
        assert_finds(
            "Min son har fått en avstängning från skolan i två veckor.",
            &[(Kind::Confidential, "avstängning från skolan")],
        );
        // A road or a water main is closed off too.
        assert_no(
            Kind::Confidential,
            "Avstängning av vägen vid skolan hela veckan.",
        );
        assert_no(
            Kind::Confidential,
            "Vattnet är avstängt från skolan till torget.",
        );
        assert_finds(
            "Eleven i trean har glutenintolerans.",
            &[(Kind::Sensitive, "glutenintolerans")],
        );
        assert_finds(
            "Ni har lagt upp en bild från AA-mötet.",
            &[(Kind::Sensitive, "AA-mötet")],
        );
        assert_no(
            Kind::Sensitive,
            "Tänk på att det finns allergier i klassen.",
        );
    }

    #[test]
    fn markings_count_only_as_markings() {
        assert_finds(
            "UTKAST\nPressmeddelande om budgeten",
            &[(Kind::Confidential, "UTKAST")],
        );
        assert_finds(
            "Internt: lista över boende",
            &[(Kind::Confidential, "Internt")],
        );
        assert_no(
            Kind::Confidential,
            "Ett utkast till översiktsplan är ute på samråd.",
        );
        assert_no(Kind::Confidential, "Vi arbetar internt med frågan.");
    }

    #[test]
    fn social_services_drink_and_protected_housing_as_people_write_them() {
        assert_finds(
            "soc har varit hemma hos grannarna tre gånger nu",
            &[(Kind::Confidential, "soc har varit")],
        );
        assert_finds(
            "Grannen har druckit igen, han sover i trappan.",
            &[(Kind::Sensitive, "druckit igen")],
        );
        assert_finds(
            "Hon bor på skyddat boende, lägg inte ut bilden.",
            &[(Kind::Confidential, "bor på skyddat")],
        );
        assert_no(Kind::Sensitive, "Vi dricker kaffe igen på fredag.");
        assert_no(Kind::Confidential, "Följ oss i soc. medier!");
        // How to apply, and the service announced: info.
        assert_only_info(
            Kind::Confidential,
            "Så här söker du försörjningsstöd: fyll i ansökan på webben.",
        );
        assert_only_info(
            Kind::Confidential,
            "Kommunens budget- och skuldrådgivning har drop-in på onsdagar.",
        );
    }

    #[test]
    fn prison_as_people_write_it() {
        assert_finds(
            "Min bror sitter på anstalten i Kumla och vill behålla lägenheten.",
            &[(Kind::Sensitive, "sitter på anstalten")],
        );
        assert_finds(
            "Han kommer ut från fängelset i maj.",
            &[(Kind::Sensitive, "fängelset")],
        );
        assert_no(Kind::Sensitive, "Vi sitter på altanen i kväll.");
        assert_no(Kind::Sensitive, "Den gamla kåken vid torget rivs i vår.");
    }

    #[test]
    fn abbreviations_count_only_in_capitals() {
        assert_finds("Hon hade KOL sedan länge.", &[(Kind::Sensitive, "KOL")]);
        assert_finds(
            "Min pappa har MS och behöver hjälp.",
            &[(Kind::Sensitive, "har MS")],
        );
        // Coal, a product, a unit, a word.
        assert_no(Kind::Sensitive, "Grillplatsen har kol och tändvätska.");
        assert_no(Kind::Sensitive, "Vi köper kol till smedjan.");
        assert_no(Kind::Sensitive, "Mötet hålls i MS Teams.");
        assert_no(Kind::Sensitive, "Alla datorer har MS Office.");
        assert_no(Kind::Sensitive, "Skolan har ms-konto för eleverna.");
        assert_no(Kind::Sensitive, "Hon har ms i rösten.");
    }

    #[test]
    fn adjacent_terms_form_one_phrase() {
        assert_finds(
            "Hon är sjukskriven för utmattningssyndrom.",
            &[(Kind::Sensitive, "sjukskriven för utmattningssyndrom")],
        );
        assert_finds(
            "Eleven har ADHD och dyslexi.",
            &[(Kind::Sensitive, "ADHD"), (Kind::Sensitive, "dyslexi")],
        );
        assert_finds(
            "Grannen har LVU-placerats i ett familjehem i Karlstad.",
            &[(Kind::Confidential, "LVU-placerats i ett familjehem")],
        );
    }

    #[test]
    fn user_rule_files_add_terms() {
        let s = crate::Scanner::builder()
            .rules_str(
                "k.toml",
                "kind = \"confidential\"\n[[term]]\nid = \"confidential.projekt_falken\"\nterms = [\"projekt falken\"]\nseverity = \"high\"\nsv = \"Hemligt projekt.\"\nen = \"Secret project.\"\n",
            )
            .unwrap()
            .build()
            .unwrap();
        let f = s.scan_text("Om Projekt Falken vet vi inget.");
        assert_eq!(f[0].rule, "confidential.projekt_falken");
        assert_eq!(f[0].text, "Projekt Falken");
        let s = crate::Scanner::builder()
            .disable("confidential.secrecy")
            .build()
            .unwrap();
        assert!(s.scan_text("Ärendet omfattas av sekretess.").is_empty());
    }

    #[test]
    fn a_job_ads_union_contact_is_info_and_personnel_matters_are_high() {
        assert_only_info(
            Kind::Sensitive,
            "Facklig företrädare: Kent Berglund, Kommunal, 054-17 25 90.",
        );
        assert_finds(
            "Rektorn är avstängd i väntan på utredning, det vet alla.",
            &[(Kind::Confidential, "avstängd i väntan på utredning")],
        );
        assert_finds(
            "Hon har fått en varning för hur hon skött ärendet.",
            &[(Kind::Confidential, "fått en varning")],
        );
        // A road, a storm warning.
        assert_no(
            Kind::Confidential,
            "Vägen är avstängd. SMHI har utfärdat en varning för storm.",
        );
    }

    #[test]
    fn a_party_or_a_union_counts_after_the_words_that_tie_someone_to_it() {
        assert_finds(
            "Rektorn är ju aktiv i Vänsterpartiet, därför...",
            &[(Kind::Sensitive, "aktiv i Vänsterpartiet")],
        );
        assert_finds(
            "Han är medlem i Sverigedemokraterna sedan i våras.",
            &[(Kind::Sensitive, "medlem i Sverigedemokraterna")],
        );
        assert_finds(
            "Min granne är sosse och röstade på förslaget.",
            &[
                (Kind::Sensitive, "är sosse"),
                (Kind::Sensitive, "röstade på"),
            ],
        );
        assert_finds(
            "Jonas är medlem i Kommunal och fackligt förtroendevald.",
            &[
                (Kind::Name, "Jonas"),
                (Kind::Sensitive, "medlem i Kommunal"),
                (Kind::Sensitive, "fackligt förtroendevald"),
            ],
        );
        // The party or union alone, a union's name as a word, and council
        // news.
        for t in [
            "Moderaterna och Vänsterpartiet reserverade sig mot budgeten.",
            "Vi är med i kommunal samverkan om räddningstjänsten.",
            "Kommunal och Vision har tecknat nytt avtal med kommunen.",
            "Handels har öppet i Forshaga centrum på söndag.",
        ] {
            assert_no(Kind::Sensitive, t);
        }
        // A user's rule with `after`.
        let s = crate::Scanner::builder()
            .rules_str(
                "k.toml",
                "kind = \"confidential\"\n[[term]]\nid = \"confidential.falken\"\nterms = [\"Falken\"]\nafter = [\"projekt\", \"arbetsgruppen\"]\nseverity = \"high\"\nsv = \"s\"\nen = \"e\"\n",
            )
            .unwrap()
            .build()
            .unwrap();
        let f = s.scan_text("Om projekt Falken vet vi inget, och Falken flyger.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "projekt Falken");
    }

    #[test]
    fn religious_dress_as_people_write_it() {
        assert_finds(
            "Hemtjänsten skickar Lejla, hon bär slöja och pappa blir orolig.",
            &[(Kind::Name, "Lejla"), (Kind::Sensitive, "bär slöja")],
        );
        assert_only_info(
            Kind::Sensitive,
            "Biblioteket visar en utställning om romsk och samisk historia.",
        );
    }

    #[test]
    fn urls_are_skipped() {
        assert_no(Kind::Confidential, "Läs mer på forshaga.se/lvu-information");
        assert_finds(
            "Barnet är omhändertaget enligt LVU.",
            &[(Kind::Confidential, "omhändertaget enligt LVU")],
        );
    }

    #[test]
    fn explaining_secrecy_to_the_public_is_info() {
        let f = scan("Vi kan inte svara på frågor som omfattas av sekretess.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(
            f[0].explanation.contains("allmänheten"),
            "{}",
            f[0].explanation
        );
        let f = scan("Ärendet om familjen omfattas av sekretess.");
        assert_eq!(f[0].severity, Severity::High);
    }
}
