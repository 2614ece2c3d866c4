//! Person names: given names, surnames and full names as people write them
//! in posts, replies and comments (`Anna Lindqvist`, `Karl-Erik Svensson`,
//! `Carl von Platen`, `Annas`, `ANNA`, `hej stina`), with the context that
//! decides how serious they are.
//!
//! Lexicons (`patterns/names_*.txt`, sources in `patterns/LICENSES.md`):
//! given names and surnames, and names that are also ordinary words
//! (`björn`, `rosa`, `stig`, `klara`), which count only with context. A
//! capitalised word after a known given name is taken as a surname (name
//! chains), so surnames outside the lexicon are found too; places
//! (`patterns/towns.txt`), months, weekdays and words before `AB` or
//! `kommun` are not names.
//!
//! Severity follows the posting guidelines: a reply greets the resident by
//! name (`Hej Lisa!`: low) and is signed with the writer's name and title
//! (`/Anna Lindqvist, kommunikatör`: info); any other person named is
//! medium, and high next to an identity number or health or social-services
//! wording (the scanner's combination rule).

use std::sync::LazyLock;

use super::{dictionary, Detector, ScanCtx, Word};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

const RULES: &[&str] = &[
    "name.full_name",
    "name.given_name",
    "name.surname",
    "name.lowercase",
    "name.greeting",
    "name.signature",
    "name.handle",
];

/// The lexicons, folded, as perfect hash sets built by `build.rs` from
/// `patterns/` (nothing is filled at start-up).
mod lexicons {
    include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
}

/// The lexicons for one scan: every lookup is one hash of the combined map,
/// and the last word looked up is remembered (the detector asks several
/// questions of the same word in a row).
struct Lexicons {
    /// (address, length, flags) of the last word looked up.
    last: std::cell::Cell<(usize, usize, u8)>,
}

impl Lexicons {
    fn new() -> Lexicons {
        Lexicons {
            last: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// The lexicon bits of a folded word.
    #[inline]
    fn flags(&self, folded: &str) -> u8 {
        let (at, len, flags) = self.last.get();
        if at == folded.as_ptr() as usize && len == folded.len() {
            return flags;
        }
        let flags = lexicons::LEXICON.get(folded);
        self.last
            .set((folded.as_ptr() as usize, folded.len(), flags));
        flags
    }

    fn given(&self, f: &str) -> bool {
        self.flags(f) & lexicons::GIVEN != 0
    }
    fn surname(&self, f: &str) -> bool {
        self.flags(f) & lexicons::SURNAMES != 0
    }
    fn word(&self, f: &str) -> bool {
        self.flags(f) & lexicons::WORDS != 0
    }
    fn town(&self, f: &str) -> bool {
        self.flags(f) & lexicons::TOWNS != 0
    }
    fn never(&self, f: &str) -> bool {
        self.flags(f) & lexicons::NEVER != 0
    }
}

/// Words that name a role or title in a signature, lowercase: a word that
/// starts or ends with one is a title (`kommunikatör`, `bygglovshandläggare`).
const SIGNATURE_TITLES: &[&str] = &[
    "kommunikatör",
    "handläggare",
    "rektor",
    "förskollärare",
    "lärare",
    "chef",
    "enhetschef",
    "samordnare",
    "socialsekreterare",
    "sekreterare",
    "assistent",
    "ekonomiassistent",
    "undersköterska",
    "sjuksköterska",
    "bibliotekarie",
    "fritidsledare",
    "ingenjör",
    "inspektör",
    "strateg",
    "utvecklare",
    "näringslivsutvecklare",
    "koordinator",
    "biståndshandläggare",
    "bygglovshandläggare",
    "studievägledare",
    "kurator",
    "direktör",
    "ordförande",
    "registrator",
    "administratör",
    "kundtjänst",
    "medarbetare",
    "ansvarig",
    "planerare",
    "arkitekt",
    "controller",
    "vaktmästare",
    "kock",
    "elevassistent",
    "communications",
    "officer",
    "manager",
];

/// A lowercase word that names a role or title in a signature.
pub(crate) fn signature_title(lower: &str) -> bool {
    !lower.is_empty()
        && SIGNATURE_TITLES
            .iter()
            .any(|t| lower.starts_with(t) || lower.ends_with(t))
}

/// Where the last three lines with text begin (a signature block closes a
/// text in at most three: name, title, organisation).
fn closing_block(text: &str) -> usize {
    let mut end = text.len();
    let mut lines = 0;
    while let Some(nl) = memchr::memrchr(b'\n', &text.as_bytes()[..end]) {
        if !text[nl + 1..end].trim().is_empty() {
            lines += 1;
            if lines == 3 {
                return nl + 1;
            }
        }
        end = nl;
    }
    0
}

/// `Maria Holm` / `Kommunikatör, Forshaga kommun`, `Handläggare` / `Maria
/// Holm`, `Maria Holm, handläggare`: a name alone on one of a text's last
/// three lines (not its first), with a title after a comma, on the next
/// line or alone on the line before, signs the text as letters and replies
/// are signed without `Mvh`. (`Välkommen till vår nya rektor` / `Karin
/// Lundqvist`: the line before holds more than the title, no signature;
/// `Kontakta Sara Holm, fritidsledare`: the line opens with no known given
/// name, no signature either.)
fn block_signed(cx: &ScanCtx<'_>, ws: &[Word], i: usize, lx: &Lexicons) -> bool {
    let text = cx.text();
    let w = &ws[i];
    let head = text[..w.start].trim_end_matches([' ', '\t', '\u{a0}']);
    if !head.ends_with('\n') || head.trim().is_empty() || !is_given(lx, cx.folded_word(w)) {
        return false;
    }
    let line_end =
        memchr::memchr(b'\n', &text.as_bytes()[w.start..]).map_or(text.len(), |p| w.start + p);
    let line = &text[w.start..line_end];
    let (name, rest) = line.split_once(',').unwrap_or((line, ""));
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = (1..=4).contains(&words.len())
        && words.iter().all(|p| {
            p.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && (p.starts_with(char::is_uppercase) || PARTICLES.contains(p))
        });
    if !name_like {
        return false;
    }
    let first_word = |s: &str| -> String {
        s.split(|c: char| !c.is_alphabetic())
            .find(|p| !p.is_empty())
            .unwrap_or("")
            .to_lowercase()
    };
    if !rest.trim().is_empty() {
        return signature_title(&first_word(rest));
    }
    let next_line = text[line_end..].trim_start_matches('\n');
    let next_line = next_line.split('\n').next().unwrap_or("");
    if text[line_end..].len() - text[line_end..].trim_start_matches('\n').len() == 1
        && signature_title(&first_word(next_line))
    {
        return true;
    }
    // The line before holds only a title.
    let before = &head[..head.len() - 1];
    let before_line = before.rsplit('\n').next().unwrap_or(before).trim();
    !before_line.contains(' ') && signature_title(&before_line.trim_end_matches(',').to_lowercase())
}

/// Words after a name that make it an organisation (`Svenssons Bygg AB`).
const ORG_AFTER: &[&str] = &[
    "ab",
    "hb",
    "kb",
    "bygg",
    "kommun",
    "if",
    "ik",
    "förening",
    "aktiebolag",
    // Bands and trades named after a person (`Bo Kaspers Orkester`,
    // `Anderssons Måleri`, `Berglunds Åkeri`); session 6.
    "orkester",
    "kapell",
    "dansband",
    "måleri",
    "bageri",
    "åkeri",
    "taxi",
    "snickeri",
    "trafikskola",
    "begravningsbyrå",
];

/// Street words after a name that make it a street (`Drottning Kristinas väg`).
const STREET_WORDS: &[&str] = &[
    "väg",
    "vägen",
    "gata",
    "gatan",
    "gränd",
    "torg",
    "torget",
    "plats",
    "platsen",
    "allé",
    "backe",
    "backen",
    "stig",
    "stigen",
    "park",
    "parken",
    "skola",
    "skolan",
    "förskola",
    "hus",
    "gård",
    "gården",
];

/// Endings of street names: such a word is never part of a person's name.
/// (Narrower than `patterns/street_suffixes.txt` on purpose: the address
/// detector takes every suffix in use, but `stig`, `backe`, `torg`, `liden`
/// or `gården` also end surnames such as Liden or Hallgården.)
fn street_like(folded: &str) -> bool {
    [
        "väg", "vägen", "gata", "gatan", "gränd", "gränden", "torget", "stigen", "backen", "allén",
        "platsen", "leden", "stråket", "slingan", "kajen",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

/// Particles inside names (`Carl von Platen`, `af Klinteberg`).
const PARTICLES: &[&str] = &[
    "von", "af", "de", "van", "der", "al", "el", "bin", "ibn", "da",
];

/// Words before a name that greet the person (lowercase).
const GREETINGS: &[&str] = &[
    "hej",
    "hi",
    "hello",
    "dear",
    "thanks",
    "godmorgon",
    "godkväll",
    "hejsan",
    "hallå",
    "tack",
    "grattis",
    "kära",
    "välkommen",
    "hälsningar",
    // Greetings and thanks in the other languages residents write (Finnish,
    // Bosnian/Croatian/Serbian, Arabic and Somali in Latin letters).
    "hei",
    "moi",
    "kiitos",
    "zdravo",
    "marhaba",
    "salam",
    "salaam",
];

/// Words or marks that open a signature.
const SIGNATURE_OPENERS: &[&str] = &[
    "mvh",
    "hälsningar",
    "hälsning",
    "vänliga",
    "vänlig",
    "vänligen",
    // English, Finnish and Polish closings (`Best regards,`, `Terveisin`,
    // `Pozdrawiam`).
    "regards",
    "sincerely",
    "wishes",
    "terveisin",
    "pozdrawiam",
];

/// Endings typical of Swedish surnames (`Lindqvist`, `Åberg`, `Nyström`).
const SURNAME_ENDINGS: &[&str] = &[
    "sson", "son", "berg", "ström", "gren", "qvist", "kvist", "lund", "dahl", "holm", "lin", "ell",
    "man", "ius", "der", "stedt", "strand", "blad", "borg", "by", "ic", "ić", "nen", "ko", "sky",
    "ski", "ska",
];

/// True when the folded word ends like a Swedish surname and is longer
/// than the ending by two letters or more. A bit per last two bytes of the
/// endings turns most words away before the list is compared.
fn surname_ending(folded: &str) -> bool {
    static TAILS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; (1 << 16) / 64];
        for e in SURNAME_ENDINGS {
            let t = tail_slot(e.as_bytes()).expect("endings have two bytes or more");
            bits[t / 64] |= 1 << (t % 64);
        }
        bits
    });
    tail_slot(folded.as_bytes()).is_some_and(|t| TAILS[t / 64] & (1 << (t % 64)) != 0)
        && SURNAME_ENDINGS
            .iter()
            .any(|e| folded.len() > e.len() + 1 && folded.ends_with(e))
}

/// A word's last two bytes as one number.
fn tail_slot(word: &[u8]) -> Option<usize> {
    match word {
        [.., a, b] => Some(usize::from(*a) << 8 | usize::from(*b)),
        _ => None,
    }
}

/// Finds person names.
pub struct Name;

impl Name {
    /// The detector (its lexicons load once per process, on first use).
    ///
    /// # Errors
    /// Never; the signature matches the other detectors.
    pub fn new() -> Result<Self, Error> {
        Ok(Name)
    }
}

/// English month names, some of them given names as well (`August`,
/// `June`): beside a number they are dates.
const ENGLISH_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Endings of Swedish nouns in the definite or plural form (`Personalen`,
/// `Eleverna`, `Biblioteket`): a capitalised word ending so is no name
/// joined to one by `och`.
const NOUN_ENDINGS: &[&str] = &["en", "et", "na", "ning", "het", "skap", "tion"];

/// Words `left` and `left + 2` read `A och B` on one line, and the one at
/// `other` (either of them) is a capitalised known given name.
fn joined_to_given(
    cx: &ScanCtx<'_>,
    ws: &[Word],
    left: usize,
    other: usize,
    lx: &Lexicons,
) -> bool {
    let text = cx.text();
    let (Some(a), Some(och), Some(b)) = (ws.get(left), ws.get(left + 1), ws.get(left + 2)) else {
        return false;
    };
    super::word_is(och.text(text), "och")
        && adjacent(text, a.end, och.start)
        && adjacent(text, och.end, b.start)
        && ws[other].capitalised()
        && is_given(lx, cx.folded_word(&ws[other]))
}

/// `Nora och Hiba`, `Alva och Nora`: a place that is also a given name,
/// joined by `och` to a capitalised given name that is no place, is a
/// person (`Nora och Lindesberg` stay places).
/// (The caller knows word `i` is a given name.)
fn town_listed_with_person(cx: &ScanCtx<'_>, ws: &[Word], i: usize, lx: &Lexicons) -> bool {
    let w = &ws[i];
    let person = |k: usize| !lx.town(cx.folded_word(&ws[k]));
    w.capitalised()
        && !w.all_caps()
        && ((joined_to_given(cx, ws, i, i + 2, lx) && person(i + 2))
            || (i >= 2 && joined_to_given(cx, ws, i - 2, i - 2, lx) && person(i - 2)))
}

/// True when the folded word is in the given-name lexicon (for the address
/// detector: `Karl Johans väg`).
pub(crate) fn is_given_name(folded: &str) -> bool {
    lexicons::LEXICON.get(folded) & lexicons::GIVEN != 0
}

/// Given name, also hyphenated (`Karl-Erik`) or possessive (`Annas`).
fn is_given(lx: &Lexicons, folded: &str) -> bool {
    lx.given(folded)
        || (folded.contains('-') && folded.split('-').all(|p| lx.given(p)))
        || folded
            .strip_suffix('s')
            .is_some_and(|f| f.len() > 2 && lx.given(f))
}

/// Titles and roles that stand right before a name (`rektor Anna Berg`),
/// indefinite and definite forms, lowercase.
const TITLES: &[&str] = &[
    "rektor",
    "rektorn",
    "förskolechef",
    "förskolechefen",
    "lärare",
    "läraren",
    "lärarinnan",
    "förskollärare",
    "förskolläraren",
    "fritidsledare",
    "fritidsledaren",
    "elevassistent",
    "elevassistenten",
    "kurator",
    "kuratorn",
    "skolsköterska",
    "skolsköterskan",
    "sjuksköterska",
    "sjuksköterskan",
    "undersköterska",
    "undersköterskan",
    "vårdbiträde",
    "vårdbiträdet",
    "handläggare",
    "handläggaren",
    "socialsekreterare",
    "socialsekreteraren",
    "biståndshandläggare",
    "biståndshandläggaren",
    "enhetschef",
    "enhetschefen",
    "verksamhetschef",
    "verksamhetschefen",
    "kommunikatör",
    "kommunikatören",
    "moderator",
    "moderatorn",
    "administratör",
    "administratören",
    "admin",
    "redaktör",
    "redaktören",
    "kommundirektör",
    "kommundirektören",
    "kommunalråd",
    "kommunalrådet",
    "ordförande",
    "ordföranden",
    "bibliotekarie",
    "bibliotekarien",
    "vaktmästare",
    "vaktmästaren",
    "projektledare",
    "projektledaren",
    "samordnare",
    "samordnaren",
    "chef",
    "chefen",
    "kock",
    "kocken",
    "busschaufför",
    "busschauffören",
    "brandman",
    "brandmannen",
    "räddningschef",
    "räddningschefen",
    "präst",
    "prästen",
    "doktor",
    "dr",
    "tränare",
    "tränaren",
    "musiklärare",
    "musikläraren",
    "assistent",
    "assistenten",
    "kollega",
    "kollegan",
    "praktikant",
    "praktikanten",
    "lokalvårdare",
    "lokalvårdaren",
    // Honorifics: `Herr Olofsson`, `Fru Lindström` (the name is the
    // surname).
    "herr",
    "fru",
    "fröken",
];

/// What a word is as a cue: bits of the lists it is in.
const GREETING: u16 = 1;
const OPENER: u16 = 2;
const TITLE: u16 = 4;
const BEFORE_LOWER: u16 = 8;
const AFTER_LOWER: u16 = 16;
const PARTICLE: u16 = 32;
const STREET_WORD: u16 = 64;
const ORG_WORD: u16 = 128;
const SPEECH: u16 = 256;
const CONJUNCTION: u16 = 512;
const NAMED: u16 = 1024;
const PET: u16 = 2048;
const KIN: u16 = 4096;
const PRONOUN: u16 = 8192;
/// `på`, `från` (`lisa på fritids`).
const PLACE_PREP: u16 = 16384;
/// A place of work (`fritids`, `hemtjänsten`, `växeln`).
const WORKPLACE: u16 = 32768;

/// The cue lists as one table, so that each word of a text is looked up
/// once. A word of up to eight bytes (most words, and most cue words) is
/// its bytes as one number, looked up in a cuckoo table: two entries read,
/// compared without a branch. A longer word's first two bytes and length
/// pick a slot, and only the few long cue words in that slot are compared.
struct Cues {
    /// (word as a number, lists) of the short cue words; 0 is no word.
    short: Vec<(u64, u16)>,
    /// The two multipliers of the short table's hashes.
    mul: [u64; 2],
    /// A bit per non-empty slot of long cue words.
    used: Vec<u64>,
    slots: Vec<Vec<(&'static str, u16)>>,
}

/// The bytes `at..at + len` (len at most eight) of `b` as a little-endian
/// number, read as one load where eight bytes are there.
#[inline]
fn word_key(b: &[u8], at: usize, len: usize) -> u64 {
    let raw = match b[at..].first_chunk::<8>() {
        Some(c) => u64::from_le_bytes(*c),
        None => {
            let mut w = [0u8; 8];
            w[..b.len() - at].copy_from_slice(&b[at..]);
            u64::from_le_bytes(w)
        }
    };
    if len >= 8 {
        raw
    } else {
        raw & ((1u64 << (8 * len)) - 1)
    }
}

impl Cues {
    const BITS: u32 = 12;
    /// The short table's size: 1,024 entries of 16 bytes stay in the L1 cache.
    const SHORT_BITS: u32 = 10;

    /// The slot of a word: its first two bytes with bit 5 set (which folds
    /// ASCII and the second byte of Latin-1 capitals alike) and its length.
    #[inline]
    fn slot(first: u8, second: u8, len: usize) -> usize {
        let key =
            u32::from(first | 0x20) | u32::from(second | 0x20) << 8 | (len.min(255) as u32) << 16;
        (key.wrapping_mul(0x9E37_79B1) >> (32 - Self::BITS)) as usize
    }

    #[inline]
    fn short_slot(key: u64, mul: u64) -> usize {
        (key.wrapping_mul(mul) >> (64 - Self::SHORT_BITS)) as usize
    }

    fn new(lists: &[(&'static [&'static str], u16)]) -> Cues {
        let mut slots: Vec<Vec<(&'static str, u16)>> = vec![Vec::new(); 1 << Self::BITS];
        let mut short: Vec<(u64, u16)> = Vec::new();
        for &(words, class) in lists {
            for w in words {
                let b = w.as_bytes();
                if b.len() <= 8 {
                    let key = word_key(b, 0, b.len());
                    match short.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, c)) => *c |= class,
                        None => short.push((key, class)),
                    }
                    continue;
                }
                let slot = &mut slots[Self::slot(b[0], b[1], b.len())];
                match slot.iter_mut().find(|(x, _)| x == w) {
                    Some((_, c)) => *c |= class,
                    None => slot.push((w, class)),
                }
            }
        }
        let mut used = vec![0u64; slots.len() / 64];
        for (k, slot) in slots.iter().enumerate() {
            if !slot.is_empty() {
                used[k / 64] |= 1 << (k % 64);
            }
        }
        let (table, mul) = Self::cuckoo(&short);
        Cues {
            short: table,
            mul,
            used,
            slots,
        }
    }

    /// Places every key in one of its two entries (cuckoo hashing), trying
    /// other multipliers until it fits (the table is a third full: the
    /// first pair almost always does).
    fn cuckoo(keys: &[(u64, u16)]) -> (Vec<(u64, u16)>, [u64; 2]) {
        let n = 1usize << Self::SHORT_BITS;
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed | 1
        };
        'pair: loop {
            let mul = [next(), next()];
            let mut table = vec![(0u64, 0u16); n];
            for &entry in keys {
                let mut e = entry;
                let mut side = 0;
                for _ in 0..64 {
                    let at = Self::short_slot(e.0, mul[side]);
                    std::mem::swap(&mut table[at], &mut e);
                    if e.0 == 0 {
                        break;
                    }
                    // Evicted: to its other entry.
                    side = usize::from(Self::short_slot(e.0, mul[0]) == at);
                }
                if e.0 != 0 {
                    continue 'pair;
                }
            }
            return (table, mul);
        }
    }

    /// The lists the word is in (0 for most words).
    #[inline]
    fn class<'t>(&self, cx: &ScanCtx<'t>, w: &Word) -> u16 {
        let b = cx.text().as_bytes();
        let len = w.end - w.start;
        if len <= 8 {
            // The word folded: as written unless it holds a capital.
            let buf = if w.folds() { cx.folded().as_bytes() } else { b };
            let key = word_key(buf, w.start, len);
            let (k0, c0) = self.short[Self::short_slot(key, self.mul[0])];
            let (k1, c1) = self.short[Self::short_slot(key, self.mul[1])];
            return (if k0 == key { c0 } else { 0 }) | (if k1 == key { c1 } else { 0 });
        }
        let k = Self::slot(b[w.start], b[w.start + 1], len);
        if self.used[k / 64] & (1 << (k % 64)) == 0 {
            return 0;
        }
        let folded = cx.folded_word(w);
        self.slots[k]
            .iter()
            .find(|(x, _)| *x == folded)
            .map_or(0, |&(_, c)| c)
    }
}

/// Every cue list with its class bit.
const CUE_LISTS: &[(&[&str], u16)] = &[
    (GREETINGS, GREETING),
    (SIGNATURE_OPENERS, OPENER),
    (TITLES, TITLE),
    (LOWER_BEFORE, BEFORE_LOWER),
    (LOWER_AFTER, AFTER_LOWER),
    (PARTICLES, PARTICLE),
    (STREET_WORDS, STREET_WORD),
    (ORG_AFTER, ORG_WORD),
    (LOWER_SPEECH, AFTER_LOWER | SPEECH),
    (&["och", "eller"], CONJUNCTION),
    (&["heter", "hette", "kallas", "kallad", "kallade"], NAMED),
    (PETS, PET),
    (PEOPLE, KIN),
    (&["han", "hon", "du", "ni"], PRONOUN),
    (&["på", "från"], PLACE_PREP),
    (WORKPLACES, WORKPLACE),
];

/// Where the people residents name work (`lisa på fritids`, `ali från
/// tekniska`), in the forms written after `på` and `från`.
const WORKPLACES: &[&str] = &[
    "fritids",
    "fritis",
    "förskolan",
    "skolan",
    "hemtjänsten",
    "hemtjänst",
    "biblioteket",
    "kommunen",
    "växeln",
    "receptionen",
    "kundtjänst",
    "vårdcentralen",
    "äldreboendet",
    "boendet",
    "avdelningen",
    "kontoret",
    "socialtjänsten",
    "soc",
    "tekniska",
    "jobbet",
    "simhallen",
    "badhuset",
    "fritidsgården",
    "mottagningen",
    "bvc",
    "köket",
    "bygglov",
    "äldreomsorgen",
];

static CUES: LazyLock<Cues> = LazyLock::new(|| Cues::new(CUE_LISTS));

/// Animals people name (lost and found pets are among the commonest posts
/// in a municipality's groups): `katten Sixten`, `vår hund heter Bella`.
const PETS: &[&str] = &[
    "katt",
    "katten",
    "katter",
    "kattunge",
    "kattungen",
    "kisse",
    "kissen",
    "kattis",
    "hund",
    "hunden",
    "hundar",
    "valp",
    "valpen",
    "vovve",
    "vovven",
    "kanin",
    "kaninen",
    "marsvin",
    "marsvinet",
    "hamster",
    "hamstern",
    "häst",
    "hästen",
    "ponny",
    "ponnyn",
    "undulat",
    "undulaten",
    "papegoja",
    "papegojan",
    "cat",
    "dog",
];
/// People a name may belong to, nearer than a pet: `min son heter Hugo`,
/// `jag heter Sara`. (Not `han` or `hon`, which stand for pets too.)
const PEOPLE: &[&str] = &[
    "son",
    "sonen",
    "dotter",
    "dottern",
    "barn",
    "barnet",
    "barnen",
    "barnbarn",
    "mamma",
    "pappa",
    "mor",
    "far",
    "mormor",
    "morfar",
    "farmor",
    "farfar",
    "fru",
    "frun",
    "man",
    "mannen",
    "make",
    "maken",
    "maka",
    "sambo",
    "granne",
    "grannen",
    "kollega",
    "bror",
    "brorsan",
    "syster",
    "systern",
    "kille",
    "killen",
    "tjej",
    "tjejen",
    "flicka",
    "flickan",
    "pojke",
    "pojken",
    "elev",
    "eleven",
    "vän",
    "kompis",
    "pojkvän",
    "flickvän",
    "kusin",
    "moster",
    "faster",
    "morbror",
    "farbror",
    "chef",
    "chefen",
    "jag",
    "person",
    // In English, as residents new to Swedish write (`my daughter sara`).
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "brother",
    "sister",
    "friend",
    "neighbour",
    "neighbor",
    // Bosnian/Croatian/Serbian, Finnish and Somali, as in session 9's batch
    // 47 (`Moja majka Fadila`, `äitini Aino`).
    "majka",
    "otac",
    "sestra",
    "äiti",
    "äitini",
    "isä",
    "isäni",
    "hooyo",
    "aabo",
];

/// The word at `i` names a pet: right after a pet word (`katten Sixten`),
/// or after `heter` when the nearest pet or person word before it is a
/// pet (`Såg någon en svart katt? Han heter Sixten`, but `Vår katt är
/// borta och min dotter som heter Alva gråter`).
fn pet_named(text: &str, ws: &[Word], cues: &[u16], i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if cues[p] & (PET | NAMED) == 0 || !adjacent(text, ws[p].end, ws[i].start) {
        return false;
    }
    if cues[p] & PET != 0 {
        return true;
    }
    (i.saturating_sub(20)..p)
        .rev()
        .find(|&k| cues[k] & (PET | KIN) != 0)
        .is_some_and(|k| cues[k] & PET != 0)
}

/// Words before a lowercase name that make it a person: `med lena`,
/// `till johan`, `hos kalle`, `frågade om jonas`, `har ringt lena`, and
/// the verbs that open a question about someone (`ska linus verkligen`,
/// `kan sofia ringa`).
const LOWER_BEFORE: &[&str] = &[
    "med",
    "till",
    "hos",
    "åt",
    "från",
    "heter",
    "och",
    "om",
    "ringt",
    "ringde",
    "mejlat",
    "mejlade",
    "mailat",
    "mailade",
    "frågat",
    "frågade",
    "träffat",
    "träffade",
    "ska",
    "kan",
    "får",
    "vill",
    // `kolla upp johanna`, `ringa upp lena`, `hämta upp ella`.
    "upp",
    // `ring jonas 070…`, `fråga lena i receptionen`.
    "ring",
    "ringa",
    "fråga",
    "kontakta",
    "mejla",
    "maila",
];
/// Words after a lowercase name that make it a person (`kalle skulle`),
/// besides the verbs of speech (`jonas från fritidsgården`).
const LOWER_AFTER: &[&str] = &[
    "skulle", "kommer", "kom", "har", "hade", "är", "var", "fick", "kan", "vill", "som", "från",
    "går", "gick", "ska", "mår", "fyller", "blev",
];
/// Verbs of speech after a lowercase name (`lena sa`): only a person does
/// them, so they make a name even of a given name that is also a word.
const LOWER_SPEECH: &[&str] = &[
    "sa",
    "sade",
    "säger",
    "skrev",
    "skriver",
    "ringde",
    "ringer",
    "svarade",
    "svarar",
    "berättade",
    "frågade",
    "frågar",
    "undrade",
    "undrar",
    "tyckte",
    "tycker",
    "hälsar",
];
/// Given names that are also common lowercase words (pronouns, nouns,
/// verbs) beyond `patterns/name_words.txt`: never a name in lower case.
const LOWER_NEVER: &[&str] = &[
    "hans", "per", "liv", "sol", "vilja", "bror", "karl", "love", "alla", "tindra", "max", "ella",
    "elle", "eli", "vera", "tove", "leo", "sam", "mira", "vide", "ester", "viktor", "john", "tim",
    "lo", "mi",
    // Given names that are common words in lower case (session 8, from the
    // dictionary's stems that are given names): `med mina barn`, `kan
    // rita`, `vill lova`, `en tom lokal`, `kommunens mark`, `kan inge
    // hopp`, `vid kaj tre`, `fred och ro`, `en del av`, `ont i ett ben`.
    "mina", "rita", "lova", "tova", "tom", "mark", "urban", "viking", "marina", "inge", "kaj",
    "fred", "del", "ben", "junior",
    // English words after an English kin word (`my dad said`, `my mom may`).
    "said", "may", "bill", "rose", "frank", "jack",
];

/// A lowercase word that is a known given name (not an ordinary word) with
/// a person's context on either side: its finding, or `None`.
fn lowercase_name<'t>(
    cx: &ScanCtx<'t>,
    ws: &[Word],
    cues: &[u16],
    i: usize,
    lx: &Lexicons,
    out: &mut Vec<Finding>,
) {
    let text = cx.text();
    let w = ws[i];
    if w.end - w.start < 3 || w.capitalised() {
        return;
    }
    // Part of an address or a user name that is no name: `till anna.se`.
    let b = text.as_bytes();
    if matches!(b.get(w.end), Some(b'.' | b'_' | b'@'))
        && b.get(w.end + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        return;
    }
    // The context first: one test of the neighbours' cue bits turns most
    // words away, where a lexicon lookup hashes the word (this runs for
    // every lowercase word of a text).
    let around = i.checked_sub(1).map_or(0, |j| cues[j]) | cues.get(i + 1).copied().unwrap_or(0);
    let works = cues.get(i + 1).is_some_and(|c| c & PLACE_PREP != 0)
        && cues.get(i + 2).is_some_and(|c| c & WORKPLACE != 0);
    if around & (BEFORE_LOWER | AFTER_LOWER | CONJUNCTION | KIN) == 0 && !works {
        return;
    }
    // `till johan`, and a person's word right before: `min granne
    // kjell-åke`, `sonen elias` (not `jag`, which a verb follows).
    let before = i
        .checked_sub(1)
        .filter(|&j| {
            cues[j] & BEFORE_LOWER != 0 || (cues[j] & KIN != 0 && cx.folded_word(&ws[j]) != "jag")
        })
        .is_some_and(|j| adjacent(text, ws[j].end, w.start));
    let after = ws
        .get(i + 1)
        .filter(|_| cues[i + 1] & AFTER_LOWER != 0)
        .is_some_and(|n| adjacent(text, w.end, n.start))
        // `lisa på fritids`, `fatima på hemtjänsten`: where someone works.
        || (works
            && !ws[i + 2].capitalised()
            && adjacent(text, w.end, ws[i + 1].start)
            && adjacent(text, ws[i + 1].end, ws[i + 2].start));
    // `sofia eller robin`, `kalle och lisa`: two plain given names joined.
    let joined = || {
        let partner = |k: usize| {
            ws.get(k).is_some_and(|p| {
                let f = cx.folded_word(p);
                p.end - p.start >= 3
                    && !p.capitalised()
                    && lx.given(f)
                    && !lx.word(f)
                    && !lx.never(f)
                    && !lx.town(f)
                    && !LOWER_NEVER.contains(&f)
            })
        };
        let conj = |k: usize| {
            ws.get(k).is_some_and(|c| {
                cues[k] & CONJUNCTION != 0
                    && adjacent(text, ws[k - 1].end, c.start)
                    && ws
                        .get(k + 1)
                        .is_some_and(|n| adjacent(text, c.end, n.start))
            })
        };
        // `ali och jag var där`, `jag och maja`: joined to the writer.
        let me = |k: usize| {
            ws.get(k)
                .is_some_and(|p| matches!(p.text(text), "jag" | "mig" | "Jag"))
        };
        (conj(i + 1) && (partner(i + 2) || me(i + 2)))
            || (i >= 2 && conj(i - 1) && (partner(i - 2) || me(i - 2)))
    };
    let coordinated = !(before || after) && joined();
    if !(before || after || coordinated) {
        return;
    }
    let f = cx.folded_word(&w);
    // `kjell-åke`, `ann-sofie`: each part a given name that is no word.
    let given = lx.given(f)
        || (w.joined()
            && f.split('-')
                .all(|p| p.len() > 1 && lx.given(p) && !lx.word(p) && !LOWER_NEVER.contains(&p)));
    if !given || lx.never(f) || lx.town(f) || LOWER_NEVER.contains(&f) {
        return;
    }
    if coordinated && lx.word(f) {
        return;
    }
    // A name that is also a word (`linnea` the flower, `klara`) only before
    // a verb of speech: a flower does not say or write (`linnea sa att`).
    let said = ws
        .get(i + 1)
        .is_some_and(|_| cues[i + 1] & SPEECH != 0 && after);
    let word = lx.word(f);
    // Nor a bird or a stone after a person's word and before a verb: `min
    // dotter saga har`, `vår granne björn har fällt`, `min fru rut är`.
    let kin_named = || {
        after
            && i > 0
            && cues[i - 1] & KIN != 0
            && cx.folded_word(&ws[i - 1]) != "jag"
            && adjacent(text, ws[i - 1].end, w.start)
    };
    if word && !said && !kin_named() {
        return;
    }
    if pet_named(text, ws, cues, i) {
        return;
    }
    out.push(cx.finding(
        Kind::Name,
        (w.start, w.end),
        match (word, before && after) {
            (true, _) => 0.5,
            (false, true) => 0.75,
            (false, false) => 0.6,
        },
        Severity::Medium,
        "name.lowercase",
    ));
}

/// The end of a name in Arabic script that `اسمي` ("my name", also
/// written `اسمى`) introduces at word `i`: that word and the next, when it
/// is Arabic too on the same line with one space between (`اسمي محمد
/// الحسن`), as a given name and a family name are written.
fn arabic_introduced(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    let prev = ws.get(i.checked_sub(1)?)?;
    if !matches!(prev.text(text), "اسمي" | "اسمى") || &text[prev.end..ws[i].start] != " " {
        return None;
    }
    let arabic = |w: &Word| {
        w.text(text)
            .chars()
            .all(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    };
    if !arabic(&ws[i]) {
        return None;
    }
    // (Not a word that goes on the sentence: `من` from, `في` in, or a verb
    // with the conjunction `وأ` before it: `وأسكن`, and I live.)
    let goes_on = |w: &Word| {
        let t = w.text(text);
        matches!(t, "من" | "في" | "و" | "انا" | "أنا") || t.starts_with("وأ")
    };
    Some(match ws.get(i + 1) {
        Some(n) if &text[ws[i].end..n.start] == " " && arabic(n) && !goes_on(n) => n.end,
        _ => ws[i].end,
    })
}

/// A capitalised word joined to a lowercase noun (`Lagerlöf-dagen`,
/// `Lindgren-priset`, `LVU-ärende`) names a thing, not a person; not
/// `Anna-lena` as residents write it, whose part after the hyphen is a
/// given name.
fn named_after(text: &str, w: &Word, lx: &Lexicons) -> bool {
    if !w.joined() || !w.capitalised() {
        return false;
    }
    let Some((_, tail)) = w.text(text).rsplit_once('-') else {
        return false;
    };
    tail.len() >= 3 && tail.starts_with(|c: char| c.is_lowercase()) && !lx.given(tail)
}

/// An ordinary Swedish word ([`dictionary::is_word`]) that is no name in
/// the lexicons: the dictionary holds `lisa`, `lena`, `björk` and
/// `lindström` too.
fn ordinary(lx: &Lexicons, folded: &str) -> bool {
    lx.flags(folded) & (lexicons::GIVEN | lexicons::SURNAMES) == 0 && dictionary::is_word(folded)
}

/// A capitalised word that continues a name. `after_given`: the name so far
/// opens with a given name from the lexicon; then a capitalised ordinary
/// word is a surname too (`Lena Berg`, `Johan Ek`: Swedish surnames are
/// often nouns, and a noun is not capitalised mid-name otherwise).
fn is_surname_like(
    lx: &Lexicons,
    w: &Word,
    folded: &str,
    after_given: bool,
    after_particle: bool,
) -> bool {
    // `Lena Berg`, `Anna Lund`: towns that are also common surnames, after
    // a given name.
    let town = lx.town(folded) && !(after_given && lx.surname(folded));
    if !(w.capitalised()) || lx.never(folded) || town || street_like(folded) {
        return false;
    }
    lx.surname(folded)
        || folded.strip_suffix('s').is_some_and(|f| lx.surname(f))
        || lx.given(folded)
        || surname_ending(folded)
        // Name chain: any capitalised word that is not an ordinary word
        // (in ALL CAPS every word is capitalised, so not there), nor one in
        // the dictionary (`Hej Lena Skolan börjar`, `Tack Maria Välkommen
        // tillbaka`: a sentence without its full stop), unless a particle
        // stands before it (`Hans von Essen`).
        || (!w.all_caps()
            && (after_given || !lx.word(folded))
            && (after_particle || !ordinary(lx, folded)))
}

/// Endings of the definite singular and plural of Swedish nouns, any
/// length (`Skolan`, `Polisen`, `Rektorn`, `Eleverna`): a word outside the
/// lexicon ending so that speaks is a body, not a person (at the price of
/// `Dragan sa`, which only the lexicon saves).
const DEFINITE_ENDINGS: &[&str] = &["en", "et", "an", "na", "rn", "arna", "erna", "orna"];

/// A word in the definite or plural form of a Swedish noun, long enough
/// not to be a name (`Socialtjänsten`, `Biblioteket`, `Fritidsgården`,
/// `Kommunikationsavdelningen`): how a department signs (`/Socialtjänsten`)
/// or is thanked, not a person. Four letters or more before the ending,
/// so that `Mehmet`, `Ahmet` and `Ellen` are not taken for nouns (and no
/// `-na`: `Jelena`, `Svetlana`).
fn noun_form(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "en", "et", "erna", "arna", "orna", "ning", "het", "skap", "tion",
    ];
    ENDINGS
        .iter()
        .any(|e| folded.len() > e.len() + 4 && folded.ends_with(e))
}

/// `Tidningar`, `Föreningar`, `Organisationer`: a plural or definite noun
/// that no surname is shaped like (not `-en` or `-sen` alone, which
/// Norwegian and Danish surnames end in: `Halvorsen`).
fn plural_noun(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ningar", "ningen", "ningarna", "heter", "heten", "skapet", "skaper", "tioner", "tionen",
        "arna", "erna", "orna",
    ];
    ENDINGS
        .iter()
        .any(|e| folded.len() > e.len() + 1 && folded.ends_with(e))
}

/// `Anna`, `Karl-Erik`, `Hodžić`: a capital, then lowercase letters (a
/// capital again only after a hyphen); not `AP-fonden` or `SVT`.
fn name_shaped(word: &str) -> bool {
    let mut prev = '-';
    word.chars().all(|c| {
        let ok = if prev == '-' {
            c.is_uppercase()
        } else {
            !c.is_uppercase()
        };
        prev = c;
        ok
    })
}

/// The text between two byte offsets holds only spaces (no sentence end).
#[inline]
fn adjacent(text: &str, a: usize, b: usize) -> bool {
    // One space, the common gap, without decoding.
    if b == a + 1 {
        return text.as_bytes()[a] == b' ';
    }
    a <= b && text[a..b].chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// True when the word starts a sentence (or the text, or a line).
/// Word `i` greeted or addressed without a greeting word right before it:
/// `Hej igen Lars`, `God morgon Eva` (a word between); `@Lisa Andersson` (a
/// mention); `Tack för hjälpen Mona!`, `Tack Malin och Petra!` (a name that
/// ends a sentence a greeting opens); `Svar till Magnus:`; `Roger, du har
/// fel` (a name opening a line, set off by a comma before `du`, `ni`, `vi`,
/// `jag`); `Grattis till Ella` (`till` after a greeting); `Tack Mohammed och
/// Layla för…` (a name joined by `och` to a greeted one; `depth` bounds how
/// far back such a chain is followed).
fn addressed(
    cx: &ScanCtx<'_>,
    ws: &[Word],
    cues: &[u16],
    lx: &Lexicons,
    i: usize,
    depth: u8,
) -> bool {
    let text = cx.text();
    let w = &ws[i];
    let word_between = i >= 2 && {
        // The word between first (one length test rejects most).
        let ok = match ws[i - 1].text(text) {
            "igen" | "där" => cues[i - 2] & GREETING != 0,
            // (`Grattis till` congratulates clubs and schools too: only a
            // known given name.)
            "till" => {
                cues[i - 2] & GREETING != 0 && w.capitalised() && is_given(lx, cx.folded_word(w))
            }
            "morgon" | "kväll" | "eftermiddag" => super::word_is(ws[i - 2].text(text), "god"),
            _ => false,
        };
        ok && adjacent(text, ws[i - 2].end, ws[i - 1].start)
            && text[ws[i - 1].end..w.start].chars().all(same_line)
    };
    if word_between || !w.capitalised() {
        return word_between;
    }
    // `Tack Mohammed och Layla`: the word before `och` is greeted, with a
    // greeting right before it or addressed so itself.
    // Word `k` is greeted: a greeting right before it on its line, or
    // addressed so itself.
    let greeted = |k: usize| {
        (k >= 1
            && cues[k - 1] & GREETING != 0
            && text[ws[k - 1].end..ws[k].start].chars().all(same_line))
            || addressed(cx, ws, cues, lx, k, depth - 1)
    };
    // (The name before `och` may be a full name: `Grattis Ahmed Yusuf och
    // Tilda Persson`; its first word is the greeted one.)
    let joined = depth > 0
        && i >= 2
        && cues[i - 1] & CONJUNCTION != 0
        && ws[i - 2].capitalised()
        && adjacent(text, ws[i - 2].end, ws[i - 1].start)
        && adjacent(text, ws[i - 1].end, w.start)
        && (greeted(i - 2)
            || (i >= 3
                && ws[i - 3].capitalised()
                && adjacent(text, ws[i - 3].end, ws[i - 2].start)
                && greeted(i - 3)));
    // `Hej Anna, Per och Lisa`: a capitalised word after a greeted one and
    // a comma.
    let listed = depth > 0
        && i >= 1
        && w.end - w.start >= 2
        && ws[i - 1].capitalised()
        && matches!(&text[ws[i - 1].end..w.start], ", " | ",")
        && greeted(i - 1);
    if joined || listed {
        return true;
    }
    if text.as_bytes()[..w.start].last() == Some(&b'@') {
        return true;
    }
    if w.all_caps() {
        return false;
    }
    let after = text[w.end..].trim_start_matches([' ', '\u{a0}']);
    let greeting_ends = after.starts_with('!')
        && (i.saturating_sub(8)..i)
            .rev()
            .find(|&k| sentence_start(text, ws[k].start))
            .is_some_and(|k| cues[k] & GREETING != 0);
    let reply_to = i >= 2
        && after.starts_with(':')
        && super::word_is(ws[i - 1].text(text), "till")
        && super::word_is(ws[i - 2].text(text), "svar");
    // (Without the comma, as replies are typed, only a known given name and
    // `det` too: `Sofie det är inte nämnden som bestämmer`.)
    let vocative = (after.strip_prefix(',').is_some_and(|r| {
        let next = r.trim_start().split(|c: char| !c.is_alphabetic()).next();
        matches!(next, Some("du" | "ni" | "vi" | "jag"))
    }) || (matches!(
        after.split(|c: char| !c.is_alphabetic()).next(),
        Some("du" | "ni" | "jag" | "det")
    ) && is_given(lx, cx.folded_word(w))))
        && {
            let before = text[..w.start].trim_end_matches([' ', '\u{a0}']);
            before.ends_with('\n') || before.trim().is_empty()
        };
    greeting_ends || reply_to || vocative
}

/// A user name that starts at word `i` and holds a name: a known given name
/// and a surname (or a second given name) joined by `.` or `_`, with digits
/// or more such parts after (`kalle_andersson82`, `annika.nilsson`,
/// `lisa.berg.78`), standing alone: not inside an e-mail address, a web
/// address or a file name. Its end and how many words it spans.
#[cold]
#[inline(never)]
fn handle(cx: &ScanCtx<'_>, ws: &[Word], i: usize, lx: &Lexicons) -> Option<(usize, usize)> {
    let text = cx.text();
    let b = text.as_bytes();
    let start = ws[i].start;
    // The whole token: letters, digits, `.`, `_` (and `-` inside a name).
    let is_part = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-');
    let len = text[start..]
        .find(|c: char| !is_part(c))
        .unwrap_or(text.len() - start);
    let token = text[start..start + len].trim_end_matches(['.', '_', '-']);
    let end = start + token.len();
    let before_ok = start == 0 || !matches!(b[start - 1], b'/' | b'.' | b':' | b'-' | b'_');
    let after = &text[start + len..];
    if !before_ok || after.starts_with(['@', '(', '[', '/']) || token.contains("www") {
        return None;
    }
    let fold = |s: &str| crate::text::fold(s);
    let mut parts = token.split(['.', '_']);
    let first = parts.next()?;
    let second = parts.next()?;
    // No top-level domain or file ending last: `anna.berg.se`, `lisa.nilsson.jpg`.
    let last = token.rsplit(['.', '_']).next()?;
    if token.contains('.')
        && last.len() <= 4
        && last.chars().all(char::is_alphabetic)
        && !lx.surname(&fold(last))
    {
        return None;
    }
    let (f1, f2) = (
        fold(first),
        fold(second.trim_end_matches(|c: char| c.is_ascii_digit())),
    );
    let named = is_given(lx, &f1) && (lx.surname(&f2) || is_given(lx, &f2) || surname_ending(&f2));
    if !named || f2.len() < 2 {
        return None;
    }
    // The words the token spans.
    let skip = ws[i..].iter().take_while(|w| w.start < end).count();
    Some((end, skip.max(1)))
}

/// Only spaces and a comma between two words (a greeting's or a title's
/// gap).
fn same_line(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == ','
}

fn sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '(', '«', '-', '–', '—']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n'])
}

impl Detector for Name {
    fn id(&self) -> &'static str {
        "name"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Name]
    }

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let lx = &Lexicons::new();
        let ws = cx.words();
        // Each word's cue lists, looked up once.
        let table = &*CUES;
        // In a buffer kept by the thread between scans (no allocation for
        // a short post); given back below.
        let mut cues = CUE_BUFFER.try_with(|b| b.take()).unwrap_or_default();
        cues.clear();
        cues.extend(ws.iter().map(|w| table.class(cx, w)));
        self.find(cx, ws, &cues, lx, out);
        if cues.capacity() < 1 << 19 {
            let _ = CUE_BUFFER.try_with(|b| b.set(cues));
        }
    }
}

/// `Janssons frestelse`, `Pippi Långstrump`, `Kalle Anka`: a name found
/// inside a phrase of `patterns/not_people.txt` is a dish or a character,
/// not a person. `first` is the name's first word, folded, which holds
/// [`lexicons::PHRASE_WORD`] (the caller tests the bit).
fn in_phrase(cx: &ScanCtx<'_>, first: &str, start: usize, end: usize) -> bool {
    let folded = cx.folded();
    let alnum_at = |s: &str| s.chars().next().is_some_and(char::is_alphanumeric);
    let words = lexicons::NOT_PEOPLE_WORDS;
    let from = words.partition_point(|&(w, _, _)| w < first);
    words[from..]
        .iter()
        .take_while(|&&(w, _, _)| w == first)
        .any(|&(_, k, off)| {
            let p = lexicons::NOT_PEOPLE[k];
            let Some(ps) = start.checked_sub(off) else {
                return false;
            };
            let pe = ps + p.len();
            folded.get(ps..pe) == Some(p)
                && end <= pe
                && !folded[..ps]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && !alnum_at(&folded[pe..])
        })
}

thread_local! {
    static CUE_BUFFER: std::cell::Cell<Vec<u16>> = const { std::cell::Cell::new(Vec::new()) };
}

impl Name {
    /// The names among the words `ws` with their cue classes `cues`.
    fn find(
        &self,
        cx: &ScanCtx<'_>,
        ws: &[Word],
        cues: &[u16],
        lx: &Lexicons,
        out: &mut Vec<Finding>,
    ) {
        let text = cx.text();
        // Folded forms: the word itself unless it holds a capital, else a
        // slice of the text folded once per scan.
        let fold_at = |k: usize| -> &str { cx.folded_word(&ws[k]) };
        // Where the last line starts (a signature's line is the last), and
        // the last line with text: looked up once, not once a word.
        let last_line = memchr::memrchr(b'\n', text.as_bytes());
        let last_content_line = memchr::memrchr(b'\n', text.trim_end().as_bytes());
        let closing = closing_block(text);
        let mut i = 0;
        while i < ws.len() {
            let w = ws[i];
            // `kalle_andersson82`, `annika.nilsson`: a user name made of a
            // name (one byte test turns most words away).
            if ws.get(i + 1).is_some_and(|n| n.start == w.end + 1)
                && matches!(text.as_bytes()[w.end], b'.' | b'_')
            {
                if let Some((end, skip)) = handle(cx, ws, i, lx) {
                    let addressed = text.as_bytes()[..w.start].last() == Some(&b'@');
                    out.push(cx.finding(
                        Kind::Name,
                        (w.start, end),
                        0.8,
                        if addressed {
                            Severity::Low
                        } else {
                            Severity::Medium
                        },
                        "name.handle",
                    ));
                    i += skip;
                    continue;
                }
            }
            // Most words are in lower case with no cue beside them and no
            // signature mark before: nothing below would look at them (the
            // tests below in short).
            if !w.capitalised() {
                // A name in Arabic script after `اسمي` (my name): a script
                // without capitals, so the cue alone (one byte test first).
                if text.as_bytes()[w.start] & 0xFC == 0xD8 {
                    if let Some(end) = arabic_introduced(text, ws, i) {
                        let two = end > w.end;
                        out.push(cx.finding(
                            Kind::Name,
                            (w.start, end),
                            0.7,
                            Severity::Medium,
                            if two {
                                "name.full_name"
                            } else {
                                "name.given_name"
                            },
                        ));
                        i += 1 + usize::from(two);
                        continue;
                    }
                }
                let before = if i > 0 { cues[i - 1] } else { 0 };
                let after = cues.get(i + 1).copied().unwrap_or(0);
                let mark = matches!(
                    text.as_bytes()[..w.start].trim_ascii_end().last(),
                    Some(b'/' | b'-' | 0x93 | 0x94)
                );
                // (`på` and `från` count only before a place of work: they
                // follow most verbs.)
                let works =
                    after & PLACE_PREP != 0 && cues.get(i + 2).is_some_and(|c| c & WORKPLACE != 0);
                if (before | after) & (BEFORE_LOWER | AFTER_LOWER | CONJUNCTION | KIN) == 0
                    && !works
                    && before & (GREETING | OPENER) == 0
                    && !mark
                {
                    i += 1;
                    continue;
                }
            }
            // Only capitalised words, or any word right after a greeting or
            // a signature mark, are looked up (most words are neither); the
            // checks below allocate nothing.
            let prev = i.checked_sub(1).map(|j| ws[j]);
            // The cue lists first (one bit test each rejects most words),
            // the gap between the words only for a cue.
            let prev_is = |class: u16| i > 0 && cues[i - 1] & class != 0;
            // Only spaces and a comma between the previous word and this one
            // (the greeting's or title's gap; a signature opener may also
            // end its line).
            let gap_is =
                |ok: fn(char) -> bool| prev.is_some_and(|p| text[p.end..w.start].chars().all(ok));
            // (`Hi, I am new`, `Hi, my name is`: in English only a
            // capitalised word of two letters or more after the greeting.)
            let english = || i > 0 && matches!(fold_at(i - 1), "hi" | "hello" | "dear" | "thanks");
            let greeted = (prev_is(GREETING)
                && gap_is(same_line)
                && !((!w.capitalised() || w.end - w.start < 2) && english()))
                || addressed(cx, ws, cues, lx, i, 3);
            // `/Anna`, `//Petra` open a signature anywhere; a dash only on
            // the last line (a dash also opens the lines of a thread).
            let mark_before = {
                let h = text.as_bytes()[..w.start].trim_ascii_end();
                // `/`, `-`, or the last byte of `–`/`—` (E2 80 93/94).
                matches!(h.last(), Some(b'/' | b'-' | 0x93 | 0x94))
            };
            let slash_signed = mark_before && {
                let h = text[..w.start].trim_end_matches([' ', '\u{a0}']);
                let marks = h.trim_end_matches(['/', '—', '–', '-']);
                let at_line_start = marks.is_empty() || marks.ends_with('\n');
                let mark = &h[marks.len()..];
                // `Den är min, ring 070…. /Dragan`: a slash after a sentence
                // and a space signs on the same line too (not `och/eller`,
                // `5/12` or a dash, which also sets off a clause); so does one
                // after a space on the text's last line (`om ni undrar
                // /Lena`, `vidare 👍 /Jenny`).
                let after_sentence = || {
                    let before = marks.trim_end_matches([' ', '\u{a0}']);
                    before.len() < marks.len()
                        && (before.ends_with(['.', '!', '?'])
                            || last_content_line.is_none_or(|p| p < w.start))
                };
                (at_line_start
                    && (mark == "/"
                        || mark == "//"
                        || (matches!(mark, "—" | "–" | "-")
                            && last_line.is_none_or(|p| p < w.start))))
                    || (matches!(mark, "/" | "//") && after_sentence())
            };
            let opener_signed = prev_is(OPENER) && gap_is(|c: char| c.is_whitespace() || c == ',');
            let signed = slash_signed
                || opener_signed
                || (w.capitalised() && w.start >= closing && block_signed(cx, ws, i, lx));
            if !w.capitalised() && !greeted && !signed {
                // A known given name in lower case, as residents write, with a
                // person's context: `pratade med lena`, `kalle skulle komma`.
                lowercase_name(cx, ws, cues, i, lx, out);
                i += 1;
                continue;
            }
            // An initial and a surname: `J. Mäkinen`.
            if w.text(text).chars().nth(1).is_none() && text[w.end..].starts_with(". ") {
                if let Some(next) = ws.get(i + 1).filter(|n| n.start == w.end + 2) {
                    let f = fold_at(i + 1);
                    let surname = lx.surname(f) || surname_ending(f);
                    if surname && next.capitalised() && !next.all_caps() {
                        // (`/A. Lindqvist` signs the text.)
                        let (score, severity, rule) = if signed {
                            (0.85, Severity::Info, "name.signature")
                        } else {
                            (0.7, Severity::Medium, "name.full_name")
                        };
                        out.push(cx.finding(
                            Kind::Name,
                            (w.start, next.end),
                            score,
                            severity,
                            rule,
                        ));
                        i += 2;
                        continue;
                    }
                }
            }
            // `rektor Anna`, `undersköterskan Fatima`: a title right before
            // (looked up only for capitalised words, which are few).
            // `Jag heter Habib`, `min son heter Hugo`: `heter` after a
            // person (not `Skolan heter Dejeskolan`, not a pet's name).
            let named = prev_is(NAMED)
                && (i.saturating_sub(5)..i - 1).any(|k| cues[k] & (KIN | PRONOUN) != 0)
                && !pet_named(text, ws, cues, i);
            let titled = (prev_is(TITLE) || named) && gap_is(same_line);
            let folded: &str = fold_at(i);
            // `opens 1 August`, `June 2026`: an English month beside a number
            // is a date, though August and June are given names too.
            // So is one after an English preposition of time (`since May`,
            // `in June`, `until August`).
            let dated = ENGLISH_MONTHS.contains(&folded)
                && (text[..w.start]
                    .trim_end_matches(' ')
                    .ends_with(|c: char| c.is_ascii_digit())
                    || text[w.end..]
                        .trim_start_matches(' ')
                        .starts_with(|c: char| c.is_ascii_digit())
                    || (i > 0
                        && adjacent(text, ws[i - 1].end, w.start)
                        && matches!(
                            fold_at(i - 1),
                            "since"
                                | "in"
                                | "until"
                                | "from"
                                | "last"
                                | "next"
                                | "before"
                                | "after"
                                | "during"
                                | "early"
                                | "late"
                                | "mid"
                                | "of"
                                | "by"
                        )));
            if dated {
                i += 1;
                continue;
            }
            let mut given = is_given(lx, folded);
            let known_given = given;
            // Most capitalised words open a sentence and are ordinary words:
            // without a known given name, a greeting, a signature or a
            // capitalised word right after, there is nothing to look up.
            let next_capitalised = ws
                .get(i + 1)
                .is_some_and(|n| n.capitalised() && adjacent(text, w.end, n.start));
            // `Tariq och Alva`, `Alva och Tariq`: a name-shaped word outside
            // the lexicon joined by `och` to a known given name.
            // (A bit test first: an `och` on either side.)
            let och_beside = cues.get(i + 1).is_some_and(|c| c & CONJUNCTION != 0)
                || (i > 0 && cues[i - 1] & CONJUNCTION != 0);
            let coordinated = och_beside
                && !given
                && name_shaped(w.text(text))
                && !lx.word(folded)
                && !NOUN_ENDINGS
                    .iter()
                    .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
                && (joined_to_given(cx, ws, i, i + 2, lx)
                    || (i >= 2 && joined_to_given(cx, ws, i - 2, i - 2, lx)))
                && !ordinary(lx, folded);
            if coordinated && !lx.never(folded) && !lx.town(folded) {
                given = true;
            }
            // `Nilufar frågade om`, `Bashir sa att`: a name-shaped word
            // outside the lexicon that speaks is a person; not a body in
            // the definite form (`Skolan skrev`, `Polisen sa`,
            // `Socialnämnden svarade`).
            let speaks = !given
                && cues.get(i + 1).is_some_and(|c| c & SPEECH != 0)
                && adjacent(text, w.end, ws[i + 1].start)
                && w.capitalised()
                && !w.all_caps()
                && name_shaped(w.text(text))
                && !lx.word(folded)
                && !DEFINITE_ENDINGS.iter().any(|e| folded.ends_with(e))
                // `Kommunfullmäktige svarar`, `Personal säger`: an ordinary
                // word of seven letters or more that speaks is a body or a
                // thing (a name has at most ten letters unless hyphenated;
                // shorter words are names as often: `Hala sa`, `Dana sa`).
                && (folded.chars().count() <= 10 || folded.contains('-'))
                && !(folded.chars().count() >= 7 && ordinary(lx, folded));
            if speaks && !lx.never(folded) && !lx.town(folded) {
                given = true;
            }
            // `min mamma Fadila har`, `dottern Zeynepa`: a name-shaped word
            // outside the lexicons and the dictionary right after a
            // person's word is that person.
            let kin_named = !given
                && prev_is(KIN)
                && gap_is(|c: char| c == ' ')
                && w.capitalised()
                && !w.all_caps()
                && name_shaped(w.text(text))
                && lx.flags(folded) == 0
                && !ordinary(lx, folded)
                && !dictionary::is_word(folded)
                // (Not a noun in the definite form or its genitive, as a
                // next sentence typed without its stop opens: `pappa
                // Gymmet har stängt`, `morfar Kommunens IBAN`.)
                && !DEFINITE_ENDINGS
                    .iter()
                    .any(|e| folded.trim_end_matches('s').ends_with(e) && folded.len() > e.len() + 3);
            if kin_named {
                given = true;
            }
            // `Dzenana från hemtjänsten var här`, `Milad på fritids sa`: a
            // name-shaped word outside the lexicons and the dictionary, from
            // or at a place of work, is someone who works there.
            let works_at = !given
                && cues.get(i + 1).is_some_and(|c| c & PLACE_PREP != 0)
                && cues.get(i + 2).is_some_and(|c| c & WORKPLACE != 0)
                && adjacent(text, w.end, ws[i + 1].start)
                && adjacent(text, ws[i + 1].end, ws[i + 2].start)
                && w.capitalised()
                && !w.all_caps()
                && name_shaped(w.text(text))
                && lx.flags(folded) == 0
                // (A definite ending, but `-na` only after `r`, `Lärarna`:
                // `Dzenana`, `Emina` end so too.)
                && !DEFINITE_ENDINGS
                    .iter()
                    .any(|e| folded.ends_with(e) && (*e != "na" || folded.ends_with("rna")))
                && !dictionary::is_word(folded);
            if works_at {
                given = true;
            }
            // `varför fick Lindqvists bygglov`, `tre generationer Andersson`:
            // a surname from the lexicon alone, capitalised mid-sentence, is
            // a person or a family (at a sentence's start it is as often a
            // company's or a shop's name).
            let lone_surname = !given
                && !next_capitalised
                && w.capitalised()
                && !w.all_caps()
                && (lx.surname(folded) || folded.strip_suffix('s').is_some_and(|f| lx.surname(f)))
                && !lx.word(folded)
                && name_shaped(w.text(text))
                && !sentence_start(text, w.start)
                // Not the last word of a capitalised run: `ICA Nära Svenssons`
                // (but after a sentence's ordinary first word: `Ring Nilsson`,
                // `Fråga Lindqvist`).
                && !prev.is_some_and(|p| {
                    p.capitalised()
                        && adjacent(text, p.end, w.start)
                        && !(sentence_start(text, p.start)
                            && !p.all_caps()
                            && (ordinary(lx, fold_at(i - 1)) || lx.never(fold_at(i - 1))))
                });
            if !given && !greeted && !signed && !titled && !next_capitalised && !lone_surname {
                i += 1;
                continue;
            }
            if lx.never(folded)
                || (lx.town(folded) && !(known_given && town_listed_with_person(cx, ws, i, lx)))
            {
                i += 1;
                continue;
            }
            // `M/S Freja`, `S/S Ran`: a ship's prefix, then the ship's name.
            if w.end - w.start == 1
                && text[..w.start].ends_with(['/'])
                && matches!(&text[w.start..w.end], "S" | "Y" | "T")
            {
                i += 2;
                continue;
            }
            // Two capitalised words that are not ordinary words, places or
            // known non-names, the second shaped like a surname or the pair
            // mid-sentence: a name outside the lexicon (`Zeynep Demir`,
            // `Dragan Petrović`).
            if !given && name_shaped(w.text(text)) && !lx.word(folded) {
                if let Some(next) = ws.get(i + 1).filter(|n| adjacent(text, w.end, n.start)) {
                    let f = fold_at(i + 1);
                    let surname_shaped = lx.surname(f) || surname_ending(f);
                    let plain = name_shaped(next.text(text))
                        && !street_like(f)
                        && !lx.never(f)
                        && !lx.town(f)
                        && !lx.word(f)
                        && !plural_noun(f);
                    // `Röda Korset`, `Karlstads Universitet`, `Pizzeria
                    // Roma`: an ordinary Swedish word on either side (not a
                    // lexicon surname that is one too, `Berg`, nor a
                    // particle, `Nguyen Van Minh`) makes the pair a name of
                    // a body, a place or a thing.
                    if plain
                        && (surname_shaped || !sentence_start(text, w.start))
                        // (`Skolsköterskan Annika`: a title before a name
                        // makes it one, not part of it; so does a greeting,
                        // `Grattis Ahmed Yusuf`.)
                        && cues[i] & (TITLE | GREETING | OPENER | KIN) == 0
                        // (A long noun in its definite form opens a body's
                        // name, not a person's: `Räddningstjänsten
                        // Karlstadsregionen`, compounds the dictionary lacks.)
                        && !(folded.chars().count() >= 10 && noun_form(folded))
                        // (Nor a word before a given name that a surname
                        // follows: `Sandgrund Lars Lerin`, the museum and the
                        // painter; the name starts at the given name. A
                        // surname may open it: `Nguyen Thi Lan`.)
                        && !(is_given(lx, f)
                            && !lx.surname(folded)
                            && ws.get(i + 2).is_some_and(|n2| {
                                n2.capitalised() && adjacent(text, next.end, n2.start)
                            }))
                        && !(ordinary(lx, f) && cues[i + 1] & PARTICLE == 0)
                        // (A word before a surname-shaped one may be a name
                        // too, `Hala Petrović`, but not at a sentence's
                        // start, where an ordinary word is a verb or a noun
                        // before a name: `Ring Ahmed`, `Fråga Nilsson`,
                        // `Barnen Ali`.)
                        && !(ordinary(lx, folded)
                            && (!surname_shaped || sentence_start(text, w.start))
                            && cues[i] & PARTICLE == 0)
                    {
                        given = true;
                    }
                }
            }
            // Extend over particles and surname-like capitalised words.
            let mut end_i = i;
            let mut j = i + 1;
            while j < ws.len() && j <= i + 3 && adjacent(text, ws[j - 1].end, ws[j].start) {
                let f = fold_at(j);
                if cues[j] & PARTICLE != 0 && j + 1 < ws.len() {
                    j += 1;
                    continue;
                }
                // After a given name and a surname, a known given name (no
                // surname too) with a capitalised word after it opens the
                // next person: `Mvh Ingvild Haugen Håkan Johansson har…`,
                // two posts run together.
                if end_i > i
                    && is_given(lx, f)
                    && !lx.surname(f)
                    && ws
                        .get(j + 1)
                        .is_some_and(|n| n.capitalised() && adjacent(text, ws[j].end, n.start))
                {
                    break;
                }
                // (`Bo Kaspers Orkester`: an organisation's word ends the
                // run, and the test after the loop drops the name.)
                if (given || signed || greeted || titled)
                    && cues[j] & ORG_WORD == 0
                    && is_surname_like(
                        lx,
                        &ws[j],
                        f,
                        known_given && !w.all_caps(),
                        cues[j - 1] & PARTICLE != 0,
                    )
                {
                    end_i = j;
                    j += 1;
                } else {
                    break;
                }
            }
            // `Drottning Kristinas väg 12`: a street, the address detector's
            // (`Selma Lagerlöf Skolan` a school; not a greeted given name,
            // `Hej Lena Skolan börjar i morgon`, typed without its stop).
            if let Some(next) = ws.get(end_i + 1) {
                if cues[end_i + 1] & STREET_WORD != 0
                    && adjacent(text, ws[end_i].end, next.start)
                    && !(greeted && known_given && end_i == i)
                {
                    i = end_i + 2;
                    continue;
                }
            }
            // `Svenssons Bygg AB`: an organisation, not a person.
            if let Some(next) = ws.get(end_i + 1) {
                if cues[end_i + 1] & ORG_WORD != 0 && adjacent(text, ws[end_i].end, next.start) {
                    i = end_i + 2;
                    continue;
                }
            }
            // `Selma Lagerlöf-dagen`, `Gustaf Fröding-kvällen`: a day, an
            // evening or a prize named after a person.
            if named_after(text, &ws[end_i], lx) {
                i = end_i + 1;
                continue;
            }
            if let Some(next) = ws.get(end_i + 1) {
                if named_after(text, next, lx) && adjacent(text, ws[end_i].end, next.start) {
                    i = end_i + 2;
                    continue;
                }
            }
            // A lowercase word after a greeting is a name only when it is a
            // known given name (`hej stina`), not `tack till Lena`.
            if !w.capitalised() && !w.all_caps() && !known_given {
                i += 1;
                continue;
            }
            let full = end_i > i;
            let word_like = lx.word(folded) || folded.strip_suffix('s').is_some_and(|f| lx.word(f));
            let ok = if full {
                given || signed || greeted || titled || lx.surname(fold_at(end_i))
            } else if greeted || signed || titled {
                // After a greeting, a title or in a signature: any
                // name-shaped word.
                given
                    || (w.capitalised()
                        && !word_like
                        && name_shaped(w.text(text))
                        && !noun_form(folded)
                        // A role signs too: `/Moderator`, `Mvh Admin`.
                        && cues[i] & TITLE == 0
                        // `Hej Föräldrar!`, `Tack Kulturskolan`, `Mvh
                        // Kundtjänst`: an ordinary Swedish word greeted or
                        // signing is a group, a body or a role.
                        && !ordinary(lx, folded))
            } else if given && !word_like {
                w.capitalised() || w.all_caps()
            } else if given && word_like {
                // `Björn`, `Klara` mid-sentence and capitalised: a name;
                // not joined by `och` to a lowercase word that is none
                // (`under Bo och bygga`, a website's section).
                let paired_with_word = ws.get(i + 2).is_some_and(|n| {
                    super::word_is(ws[i + 1].text(text), "och")
                        && adjacent(text, w.end, ws[i + 1].start)
                        && adjacent(text, ws[i + 1].end, n.start)
                        && !n.capitalised()
                        && !is_given(lx, fold_at(i + 2))
                });
                // `Rosa bandet`, `Klara kyrkan`: before a lowercase noun in
                // its definite form, a name that is a word names a thing.
                let names_thing = ws.get(i + 1).is_some_and(|n| {
                    // (`Rosa bandet-månaden`: the noun before a hyphen.)
                    let f = fold_at(i + 1).split('-').next().unwrap_or_default();
                    !n.capitalised()
                        && adjacent(text, w.end, n.start)
                        && (f.ends_with("et") || f.ends_with("en") || f.ends_with("an"))
                        && !dictionary::is_stem(f)
                        && dictionary::is_inflected(f)
                });
                w.capitalised()
                    && !w.all_caps()
                    && !sentence_start(text, w.start)
                    && !paired_with_word
                    && !names_thing
            } else {
                lone_surname
            };
            if !ok {
                i += 1;
                continue;
            }
            // `katten Sixten`: one name after a pet word is the pet's.
            if !full && !signed && !greeted && pet_named(text, ws, cues, i) {
                i += 1;
                continue;
            }
            let (start, end) = (w.start, ws[end_i].end);
            let (score, severity, rule) = if signed {
                (0.85, Severity::Info, "name.signature")
            } else if greeted {
                (0.85, Severity::Low, "name.greeting")
            } else if full {
                (0.9, Severity::Medium, "name.full_name")
            } else if lone_surname && !given {
                (0.6, Severity::Medium, "name.surname")
            } else if !known_given && (titled || named) && lx.surname(folded) {
                // `Fru Lindström`, `rektor Lindqvist`: a surname after a title.
                (0.75, Severity::Medium, "name.surname")
            } else {
                (
                    if word_like { 0.55 } else { 0.75 },
                    Severity::Medium,
                    "name.given_name",
                )
            };
            // `Janssons frestelse`, `Kalle Anka`: a dish or a character.
            if lx.flags(folded) & lexicons::PHRASE_WORD != 0 && in_phrase(cx, folded, start, end) {
                i = end_i + 1;
                continue;
            }
            out.push(cx.finding(Kind::Name, (start, end), score, severity, rule));
            i = end_i + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_no, scan};
    use crate::{Kind, Severity};

    fn names(text: &str) -> Vec<String> {
        scan(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Name)
            .map(|f| f.text)
            .collect()
    }

    /// Asserts that none of `texts` holds a name.
    fn no_names(texts: &[&str]) {
        for t in texts {
            assert_eq!(names(t), Vec::<String>::new(), "{t}");
        }
    }

    /// The names found in `text` with their severities.
    fn sev(text: &str) -> Vec<(String, Severity)> {
        scan(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Name)
            .map(|f| (f.text, f.severity))
            .collect()
    }

    #[test]
    fn every_cue_word_has_its_lists_and_other_words_none() {
        use super::*;
        let lists = CUE_LISTS;
        let m = crate::explain::Messages::default();
        let class_of = |text: &str| {
            let cx = ScanCtx::new(text, crate::Lang::Sv, &m, None);
            let w = cx.words()[0];
            CUES.class(&cx, &w)
        };
        for &(words, _) in lists {
            for w in words {
                let want = lists
                    .iter()
                    .filter(|(ws, _)| ws.contains(w))
                    .fold(0, |c, &(_, k)| c | k);
                // Alone (the end of the text), before more text, capitalised.
                assert_eq!(class_of(w), want, "{w}");
                assert_eq!(class_of(&format!("{w} och mer text här")), want, "{w}");
                let cap: String = w
                    .chars()
                    .next()
                    .unwrap()
                    .to_uppercase()
                    .chain(w.chars().skip(1))
                    .collect();
                assert_eq!(class_of(&format!("{cap} igen")), want, "{cap}");
            }
        }
        for other in [
            "fönster",
            "o",
            "mvhx",
            "medan",
            "tillsammans",
            "Östen",
            "x",
            "ochså",
        ] {
            assert!(lists.iter().all(|(ws, _)| !ws.contains(&other)), "{other}");
            assert_eq!(class_of(other), 0, "{other}");
        }
    }

    #[test]
    fn the_built_lexicons_hold_every_listed_word() {
        use super::lexicons::{GIVEN, LEXICON, NEVER, SURNAMES, TOWNS, WORDS};
        let files = [
            (include_str!("../../patterns/names_given.txt"), GIVEN),
            (include_str!("../../patterns/names_given_extra.txt"), GIVEN),
            (include_str!("../../patterns/names_surnames.txt"), SURNAMES),
            (include_str!("../../patterns/name_words.txt"), WORDS),
            (include_str!("../../patterns/towns.txt"), TOWNS),
            (include_str!("../../patterns/never_names.txt"), NEVER),
        ];
        for (src, bit) in files {
            for line in src.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                assert!(LEXICON.get(&crate::text::fold(line)) & bit != 0, "{line}");
            }
        }
        let lx = super::Lexicons::new();
        assert!(lx.given("anna") && !lx.given("Anna"));
        assert!(lx.town("forshaga") && !lx.given("forshaga"));
        // The remembered word is told apart by address and length.
        let text = "annas";
        assert!(!lx.given(text) && lx.given(&text[..4]) && !lx.given(text));
        assert_eq!(LEXICON.get("qqqxyz"), 0);
    }

    #[test]
    fn other_languages_greet_sign_and_introduce() {
        let rules = |text: &str| -> Vec<(String, &'static str)> {
            scan(text)
                .into_iter()
                .filter(|f| f.kind == Kind::Name)
                .map(|f| (f.text, f.severity.as_str()))
                .collect()
        };
        assert_eq!(
            rules("Thank you! Best regards, Helena Persson, school administrator"),
            [("Helena Persson".to_string(), "info")]
        );
        assert_eq!(
            rules("Kiitos Pirjo! Terveisin Marja Virtanen"),
            [
                ("Pirjo".to_string(), "low"),
                ("Marja Virtanen".to_string(), "info")
            ]
        );
        // `اسمي` (my name) before a name in Arabic script, two words at
        // most, not the verb after it.
        assert_eq!(
            names("السلام عليكم، اسمي محمد الحسن وأسكن في فورشاغا."),
            ["محمد الحسن"]
        );
        assert_eq!(names("اسمي سارة وأسكن في ديا"), ["سارة"]);
        assert!(names("السلام عليكم، أحتاج مساعدة في طلب السكن").is_empty());
        // The English `I` after a greeted title is nobody.
        assert!(names("Dear Sir, I am writing on behalf of my father.").is_empty());
        assert_eq!(names("Hej Anna, Per och Lisa!"), ["Anna", "Per", "Lisa"]);
        assert!(names("Register at the Learning Centre or the Youth Center.").is_empty());
        // Two people, not one name of four words.
        assert_eq!(
            names("Ring mig. Mvh Ingvild Haugen Håkan Johansson (Henriks pappa) har frågat."),
            ["Ingvild Haugen", "Håkan Johansson", "Henriks"]
        );
        assert_eq!(names("Hälsningar Anna Maria Lind"), ["Anna Maria Lind"]);
        // A greeting before a surname-shaped name is no part of it.
        assert_eq!(names("Grattis Ahmed Yusuf som vann!"), ["Ahmed Yusuf"]);
        assert_eq!(names("Grattis Ahmed!"), ["Ahmed"]);
        let greeted =
            scan("Grattis Ahmed Yusuf och Tilda Persson som vann! Hej Anna Berg och Per Lind!");
        assert!(
            greeted.iter().filter(|f| f.kind == Kind::Name).count() == 4
                && greeted.iter().all(|f| f.severity == crate::Severity::Low),
            "{greeted:?}"
        );
        assert!(names("Båten M/S Freja av Fryken går igen från 1 juni.").is_empty());
        // An ordinary word opening a sentence before a name that is also a
        // surname: a verb or a noun, not the name's first part.
        for w in [
            "Ring",
            "Fråga",
            "Kontakta",
            "Träffade",
            "Pappa",
            "Barnen",
            "Grannen",
        ] {
            assert_eq!(
                names(&format!("Det är oklart. {w} Ahmed har inte svarat.")),
                ["Ahmed"],
                "{w}"
            );
        }
        assert_eq!(
            names("Vi pratade med Hala Petrović i går."),
            ["Hala Petrović"]
        );
        assert_eq!(names("Det är oklart. Ring Nilsson i morgon."), ["Nilsson"]);
        assert!(names("Tack till Räddningstjänsten Karlstadsregionen och Lions Club!").is_empty());
        assert!(names("Köp den på Clas Ohlson eller ät på Max Hamburgare.").is_empty());
        assert_eq!(
            names("Vi besökte Sandgrund Lars Lerin i Karlstad."),
            ["Lars Lerin"]
        );
        assert!(names("Handla på ICA Nära Svenssons i Deje.").is_empty());
        assert_eq!(
            names("Vårdnadshavare 1: Johan Berglund  Tel: 070-174 06 55"),
            ["Johan Berglund"]
        );
        assert!(names("Unga Entreprenörers regionfinal och Ung Företagsamhet").is_empty());
    }

    #[test]
    fn english_months_beside_a_number_are_dates() {
        assert!(names("Registration opens 1 August. Bring your ID card.").is_empty());
        assert!(names("The course starts in June 2026 at the library.").is_empty());
        assert_eq!(
            names("Hi! August from the youth centre says hello."),
            ["August"]
        );
        // After an English preposition of time, as English posts write it.
        assert!(names("Her brother is in prison since May.").is_empty());
        assert!(names("The pool is closed until August, open again in September.").is_empty());
        assert_eq!(names("Tack May för hjälpen med loppisen!"), ["May"]);
    }

    #[test]
    fn holidays_and_shops_named_like_people() {
        assert!(names("Det har kommit frågor om Lucia och Valborg i år.").is_empty());
        assert!(names("Ica Maxi, Willys och Apoteket har öppet som vanligt.").is_empty());
        // A name beside them still counts.
        assert_eq!(
            names("Kassören på Willys, Malin, hittade plånboken."),
            ["Malin"]
        );
    }

    #[test]
    fn names_joined_by_och_and_word_names_that_speak() {
        // A name outside the lexicon beside a known one, either side.
        assert_eq!(
            names("Tariq och Alva har byggt fågelholkar."),
            ["Tariq", "Alva"]
        );
        assert_eq!(names("Det var Alva och Tariq som vann."), ["Alva", "Tariq"]);
        // Not a place, a noun in the definite form or a public body.
        assert_eq!(names("Personalen och Anna tackar för i år."), ["Anna"]);
        assert_eq!(names("Forshaga och Anna tackar."), ["Anna"]);
        assert_eq!(names("Biblioteket och Lisa har öppet."), ["Lisa"]);
        assert!(names("Skicka den till Region Värmland som äger marken.").is_empty());
        // A given name that is also a word, in lower case: a person only when
        // it speaks (`linnea sa`), not as a flower.
        assert_eq!(
            names("min dotter och linnea sa att bussen var sen"),
            ["linnea"]
        );
        assert!(names("vi planterade linnea och rosor").is_empty());
        assert!(names("hans sa att det var stängt").is_empty());
        // Two plain given names joined by `och` or `eller`, in lower case.
        assert_eq!(names("kan sofia eller robin ringa mig"), ["sofia", "robin"]);
        assert!(names("per eller hans kan komma").is_empty());
        assert!(names("rosa eller vit färg").is_empty());
    }

    #[test]
    fn slash_signatures_after_a_sentence_and_departments_that_sign() {
        // A slash after a sentence signs on the same line.
        assert_eq!(
            names("Den är min, ring mig om du hittar den. /Dragan"),
            ["Dragan"]
        );
        assert_eq!(names("Tack för hjälpen! //Petra"), ["Petra"]);
        // A department signs in the definite form of a noun, anywhere.
        assert!(names("Vi kontaktar dig i veckan. /Socialtjänsten").is_empty());
        assert!(names("Vi ses!\n/Biblioteket").is_empty());
        assert!(names("Tack för i år. /Fritidsgården").is_empty());
        // Short names that end like nouns are still names.
        assert_eq!(names("Ring mig i morgon. /Mehmet"), ["Mehmet"]);
        // A role signs too.
        assert!(names("Håll en god ton, annars tar vi bort dem. /Moderator").is_empty());
        assert!(names("Mvh\nAdmin").is_empty());
        assert_eq!(names("Mvh\nAnna, kommunikatör"), ["Anna"]);
        // No signature: `och/eller`, dates and fractions.
        assert!(names("Gäller dig som är 18 år och/eller studerar.").is_empty());
        assert!(names("Öppet 10-16 den 5/12. Välkomna!").is_empty());
        // A slash after a space on the last line signs without a sentence
        // end before it; not on a line that more text follows.
        let info = |n: &str| (n.to_string(), Severity::Info);
        assert_eq!(sev("Ring mig om ni undrar /Lena"), [info("Lena")]);
        assert_eq!(sev("Vi har skickat det vidare 👍 /Jenny"), [info("Jenny")]);
        assert_eq!(
            sev("Fråga Anna /Lena om nycklarna
De finns på kontoret."),
            [
                ("Anna".to_string(), Severity::Medium),
                ("Lena".to_string(), Severity::Medium)
            ]
        );
    }

    #[test]
    fn surnames_alone_mid_sentence() {
        assert_eq!(
            names("Varför fick Lindqvists bygglov när vi nekades?"),
            ["Lindqvists"]
        );
        assert_eq!(
            names("Tre generationer Andersson har drivit bageriet."),
            ["Andersson"]
        );
        // A company, a street, a place or a word; a sentence's first word.
        assert!(names("Vi handlar hos Anderssons Bygg AB i Deje.").is_empty());
        assert!(names("Snöröjningen på Nilssons väg 4 är klar.").is_empty());
        assert!(names("Badet i Lund har öppet, och Berg också.").is_empty());
        assert!(names("Johansson Gruppen bygger nya lägenheter.").is_empty());
        assert!(names("Anderssons har öppet till sex.").is_empty());
        assert!(names("Vi köper kaffet på ICA Nära Svenssons i Deje.").is_empty());
    }

    #[test]
    fn heter_after_a_person_and_names_that_speak() {
        assert_eq!(
            names("Jag heter Habib och har bott i Deje i två år."),
            ["Habib"]
        );
        assert_eq!(names("Min dotter heter Zeynep."), ["Zeynep"]);
        // What bodies and places are called, and pets.
        assert!(names("Skolan heter Dejeskolan sedan i höstas.").is_empty());
        assert!(names("Appen heter Mitt Forshaga.").is_empty());
        assert!(names("Vår katt heter Sixten.").is_empty());
        // A name outside the lexicon that speaks.
        assert_eq!(names("Nilufar frågade om hon kan få skjuts."), ["Nilufar"]);
        assert_eq!(names("Bashir sa att det var stängt."), ["Bashir"]);
        // Bodies in the definite form, platforms, capitals.
        assert!(names("Polisen sa att vägen var stängd.").is_empty());
        assert!(names("Skolan skrev till alla föräldrar.").is_empty());
        assert!(names("Socialnämnden svarade i går.").is_empty());
        assert!(names("Facebook skrev att sidan var nere.").is_empty());
        assert!(names("SMHI säger att det blir storm.").is_empty());
        // English posts: `My` is a word before another.
        assert!(names("My Norwegian number is in the form.").is_empty());
        assert_eq!(names("My Svensson vann loppet."), ["My Svensson"]);
    }

    #[test]
    fn names_of_many_origins_and_words_that_are_names() {
        assert_eq!(
            names("Det är Tiina på kontaktcenter som svarar i dag."),
            ["Tiina"]
        );
        assert_eq!(
            names("Bashir på återvinningscentralen hjälpte mig."),
            ["Bashir"]
        );
        assert_eq!(
            names("Tack till Abdirahman och Nilufar!"),
            ["Abdirahman", "Nilufar"]
        );
        // Words that are given names too open sentences as words.
        assert!(names("Inga avgifter tas ut i år.").is_empty());
        assert!(names("Bror och syster får plats på samma förskola.").is_empty());
        assert_eq!(names("Inga Lindström bor här."), ["Inga Lindström"]);
        assert_eq!(names("Vi träffade Axel i går."), ["Axel"]);
    }

    #[test]
    fn pets_are_named_too() {
        assert!(names("Såg någon en svart katt vid Mölnbacka? Han heter Sixten.").is_empty());
        assert!(names("Katten Sixten är borta sedan i fredags.").is_empty());
        assert!(names("vår hund heter bella och är snäll").is_empty());
        // A person nearer than the pet.
        assert_eq!(
            names("Vår katt är borta och min dotter som heter Alva gråter."),
            ["Alva"]
        );
        assert_eq!(
            names("Vi har hittat en katt. Jag heter Sara och bor i Deje."),
            ["Sara"]
        );
        // No pet word: a person.
        assert_eq!(names("Min son heter Hugo och går i trean."), ["Hugo"]);
        // A full name after a pet word is still a person's.
        assert_eq!(
            names("Hunden sprang bort, ring Anna Berg om du ser den."),
            ["Anna Berg"]
        );
    }

    #[test]
    fn user_names_made_of_names() {
        assert_eq!(
            names("kolla @lisa.berg78 och kalle_andersson82!"),
            ["lisa.berg78", "kalle_andersson82"]
        );
        assert_eq!(
            sev("@kalle_andersson82 Ja, 9-15!"),
            [("kalle_andersson82".to_string(), Severity::Low)]
        );
        assert_eq!(names("annika.nilsson • Följ"), ["annika.nilsson"]);
        // Not a user name: an e-mail or web address, a file, a domain, two
        // words that are no name.
        for t in [
            "Mejla anna.nilsson@forshaga.se",
            "Läs på www.lisa.berg.se",
            "Bilden lisa_nilsson.jpg",
            "Se forshaga.se/anna.berg",
            "Gå till anna.se i dag",
            "Vi ses kl. 18.00 på torget.",
            "Filen heter budget_2026.xlsx",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn the_platforms_words_in_a_copied_thread_are_no_names() {
        assert_eq!(
            names("Lena Håkansson\nVarför är det inte plogat?\n2 d Gilla Svara"),
            ["Lena Håkansson"]
        );
        assert!(names("Tack för ditt meddelande.\nGilla Svara Redigerad").is_empty());
    }

    #[test]
    fn lowercase_names_called_or_written_to() {
        assert_eq!(
            names("jag har ringt lena på socialtjänsten fem gånger"),
            ["lena"]
        );
        assert_eq!(names("har mejlat therese två gånger"), ["therese"]);
        // A question about someone opens with the verb.
        assert_eq!(names("ska linus verkligen få stänga vägen?"), ["linus"]);
        assert_eq!(names("kan sofia ringa mig i morgon"), ["sofia"]);
        assert!(names("kan vi få svar? ska man ringa? vill ha besked").is_empty());
        assert!(names("kan bo kvar i lägenheten, får klara sig själv").is_empty());
        // Not a name after the verb: words, and names that are words.
        assert!(names("jag har ringt alla numren och mejlat en gång till").is_empty());
        assert!(names("vi träffade rosa och gula fjärilar").is_empty());
    }

    #[test]
    fn lowercase_names_after_a_person_word_and_hyphenated() {
        assert_eq!(
            names("min granne kjell-åke har inte tagit in sina sopkärl"),
            ["kjell-åke"]
        );
        assert_eq!(names("sonen elias kom hem utan jacka"), ["elias"]);
        assert_eq!(names("hälsa ann-sofie och lena"), ["ann-sofie", "lena"]);
        assert_eq!(names("ali och jag var där klockan två"), ["ali"]);
        assert_eq!(names("lisa på fritids är bäst!!!"), ["lisa"]);
        assert_eq!(names("ring johan från tekniska om vattnet"), ["johan"]);
        // Words before a place, and a name that is a word.
        assert!(names("vi var på fritids och på biblioteket").is_empty());
        assert!(names("rosa på förskolan är fina, klara på jobbet").is_empty());
        assert_eq!(names("i går var jag och maja på biblioteket"), ["maja"]);
        // Words joined to the writer.
        assert!(names("hunden och jag gick hem, rosa och jag också").is_empty());
        // Kin words, words after them and joined words that are no names.
        assert!(names("grattis farmor på 90-årsdagen").is_empty());
        assert!(names("min granne har en hund, min son klara sig").is_empty());
        assert!(names("jag vill att barnet ska få lvu-hjälp").is_empty());
        assert!(names("min dotter rosa-klänningen är borta").is_empty());
        // A name that is a word, between a person's word and a verb.
        assert_eq!(names("min dotter saga har fått en plats"), ["saga"]);
        assert_eq!(names("vår granne björn har fällt träd"), ["björn"]);
        assert_eq!(names("min fru rut är sjuk"), ["rut"]);
        assert_eq!(
            names("ring jonas 0701740665 om du hittar katten"),
            ["jonas"]
        );
        // A name outside the lexicons after a person's word.
        assert_eq!(names("min mamma Fadila har demens"), ["Fadila"]);
        assert_eq!(names("Min dotter Zeynepa går i skolan."), ["Zeynepa"]);
        assert!(names("min mamma Karlstad, pappa Fotboll, barnen Kulturskolan").is_empty());
        // An initial and a surname, in a signature or not.
        let signed = scan("Tel.nr 070 - 174 06 62, ring efter kl 16 /A. Lindqvist");
        assert!(
            signed
                .iter()
                .any(|f| f.text == "A. Lindqvist" && f.severity == crate::Severity::Info),
            "{signed:?}"
        );
        assert_eq!(names("Enligt J. Mäkinen är det stängt."), ["J. Mäkinen"]);
        assert!(names("ring mamma, fråga pappa, kontakta skolan").is_empty());
        assert!(names("vi såg en björn har det sagts, och en saga är en saga").is_empty());
        assert!(names("min son vill börja, min dotter går i 3an").is_empty());
    }

    #[test]
    fn plural_nouns_end_no_unknown_name() {
        assert!(names("Beslutet kungörs i Post- och Inrikes Tidningar.").is_empty());
        assert!(names("Stödet går till Forshaga Idrottsföreningar i år.").is_empty());
        assert!(names("Vi samarbetar med Värmländska Organisationer.").is_empty());
        // Names outside the lexicon stay names, Norwegian ones too.
        assert_eq!(names("Vi välkomnar Zeynep Demir."), ["Zeynep Demir"]);
        assert_eq!(names("Tack till Torgeir Halvorsen."), ["Torgeir Halvorsen"]);
    }

    #[test]
    fn days_and_prizes_named_after_people() {
        assert!(names("Vi firar Selma Lagerlöf-dagen med högläsning.").is_empty());
        assert!(names("bokad för Gustaf Fröding-kvällen den 12 mars").is_empty());
        assert!(names("Årets Astrid Lindgren-pris går till en författare.").is_empty());
        // Names with a hyphen stay names.
        assert_eq!(names("Tack Anna-lena för hjälpen"), ["Anna-lena"]);
        assert_eq!(
            names("Boken av Selma Lagerlöf finns på biblioteket."),
            ["Selma Lagerlöf"]
        );
        assert_eq!(
            names("Vi välkomnar Eva Svensson-Berg."),
            ["Eva Svensson-Berg"]
        );
    }

    #[test]
    fn lowercase_names_asked_about_or_from_somewhere() {
        assert_eq!(
            names("vet någon om jonas från fritidsgården slutat?"),
            ["jonas"]
        );
        assert_eq!(names("frågade om sofia fick plats"), ["sofia"]);
        // Words after `om` that are no given names, or names that are words.
        assert!(names("vi pratade om bygglov och om rosor i parken").is_empty());
        assert!(names("det handlar om hans bil från förra året").is_empty());
        assert!(names("frågan om maj eller juni passar bäst").is_empty());
    }

    #[test]
    fn titles_nouns_as_surnames_and_lowercase_names() {
        // A title before a name outside the lexicon.
        assert_eq!(names("Kuratorn Aziz finns på skolan i dag."), ["Aziz"]);
        assert_eq!(
            names("Vi hälsar på hos rektor Zlatan Berisha."),
            ["Zlatan Berisha"]
        );
        // After a known given name, a capitalised noun is a surname.
        assert_eq!(
            names("Tack till Lena Berg och Johan Ek!"),
            ["Lena Berg", "Johan Ek"]
        );
        assert_eq!(names("/Lena Berg, handläggare"), ["Lena Berg"]);
        // Lowercase given names with a person's context, not without.
        assert_eq!(names("jag pratade med malin igår"), ["malin"]);
        assert_eq!(names("det var bengt som ringde"), ["bengt"]);
        assert!(names("hans bil står på gatan").is_empty());
        assert!(names("vi åker med per automatik").is_empty());
        // Without a cue word on either side, a lowercase name is left alone.
        assert!(names("vi såg malin i parken").is_empty());
        assert!(names("Stig gärna in och titta.").is_empty());
        assert!(names("Klara, färdiga, gå!").is_empty());
    }

    #[test]
    fn full_names_in_every_shape() {
        assert_eq!(names("Kontakta Anna Lindqvist i dag."), ["Anna Lindqvist"]);
        assert_eq!(names("Karl-Erik Svensson ringde."), ["Karl-Erik Svensson"]);
        assert_eq!(
            names("Enligt Carl von Platen är det så."),
            ["Carl von Platen"]
        );
        assert_eq!(
            names("Linnéa Åberg och Mirsad Hodžić kom."),
            ["Linnéa Åberg", "Mirsad Hodžić"]
        );
        assert_eq!(names("ANNA LINDQVIST SKREV"), ["ANNA LINDQVIST"]);
        assert_eq!(names("Det var Annas idé."), ["Annas"]);
    }

    #[test]
    fn greetings_and_signatures_set_the_severity() {
        let f = scan("Hej Lisa! Biblioteket har öppet.\n/Petra Holm, kommunikatör");
        let n: Vec<_> = f.iter().filter(|f| f.kind == Kind::Name).collect();
        assert_eq!(n[0].text, "Lisa");
        assert_eq!(n[0].severity, Severity::Low);
        assert_eq!(n[1].text, "Petra Holm");
        assert_eq!(n[1].severity, Severity::Info);
        assert_eq!(names("hej stina här, jag undrar"), ["stina"]);
    }

    #[test]
    fn signature_blocks_without_an_opener() {
        let info = |n: &str| vec![(n.to_string(), Severity::Info)];
        let medium = |n: &str| vec![(n.to_string(), Severity::Medium)];
        let body = "Beslutet gäller från den 1 april.\n\n";
        assert_eq!(
            sev(&format!("{body}Maria Holm\nHandläggare")),
            info("Maria Holm")
        );
        assert_eq!(
            sev(&format!("{body}Handläggare\nMaria Holm")),
            info("Maria Holm")
        );
        assert_eq!(
            sev(&format!(
                "{body}Åsa-Lena Bergqvist, enhetschef\nForshaga kommun"
            )),
            info("Åsa-Lena Bergqvist")
        );
        assert_eq!(
            sev(&format!("{body}Enhetschef\nMaria Holm\n054-17 20 00"))[0],
            info("Maria Holm")[0]
        );
        // Decoys: a name without a title, a name opening a sentence, a title
        // inside a sentence on the line before, a line opened by a verb, a
        // name on the first line (a commenter's name over a comment), a
        // name far from the end.
        assert_eq!(sev(&format!("{body}Maria Holm")), medium("Maria Holm"));
        assert_eq!(
            sev(&format!("{body}Maria Holm sa att handläggare saknas.")),
            medium("Maria Holm")
        );
        assert_eq!(
            sev("Välkommen till vår nya rektor\nKarin Lundqvist\nsom börjar 1 augusti"),
            medium("Karin Lundqvist")
        );
        assert_eq!(
            sev(&format!(
                "{body}Kontakta Sara Holm, fritidsledare, om du undrar."
            )),
            medium("Sara Holm")
        );
        assert_eq!(
            sev("Peter Nyström\nhandläggare på kommunen svarar aldrig"),
            medium("Peter Nyström")
        );
        assert_eq!(
            sev("Vi har fått svar.\nMaria Holm\nHandläggare\n\nMer om detta.\nSe nedan.\nTack."),
            medium("Maria Holm")
        );
    }

    #[test]
    fn bodies_places_and_brands_named_in_two_capitalised_words_are_no_people() {
        for org in [
            "Röda Korset",
            "Svenska Kyrkan",
            "Karlstads Universitet",
            "Värmlands Museum",
            "Rädda Barnen",
            "Tekniska Verken",
            "Unga Örnar",
            "Pizzeria Roma",
            "Teater Västernorrland",
            "Förskolan Solrosen",
        ] {
            assert_eq!(
                names(&format!("I helgen var vi på {org} och det var bra.")),
                Vec::<String>::new(),
                "{org}"
            );
        }
        no_names(&[
            "Vi har frågat och Telia svarar att det ska lösas.",
            "Kommunfullmäktige beslutade och Kommunfullmäktige svarar nu.",
            "Postnord skriver att paketet är försenat.",
        ]);
        // People outside the lexicon stay people, a given name that is also
        // a Swedish word (`hala`, `dana`) before a surname too, and the
        // particles of a name (`van` is a word).
        assert_eq!(names("I går träffade vi Hala Petrović."), ["Hala Petrović"]);
        assert_eq!(names("I går träffade vi Dana Kowalski."), ["Dana Kowalski"]);
        assert_eq!(names("I går träffade vi Zeynep Demir."), ["Zeynep Demir"]);
        assert_eq!(
            names("Tack till Nguyen Van Minh för hjälpen."),
            ["Nguyen Van Minh"]
        );
        assert_eq!(names("Bashir sa att det var bra."), ["Bashir"]);
        // A title before a name is no part of it.
        assert_eq!(
            names("I dag berättar Rektor Helena Sjögren om bygget."),
            ["Helena Sjögren"]
        );
        // A sentence typed without its full stop ends the name before it.
        for (t, name) in [
            ("Hej Lena Skolan börjar i morgon.", "Lena"),
            ("Tack Maria Välkommen tillbaka!", "Maria"),
            ("Hej Per Kan du ringa?", "Per"),
            ("Jag träffade Sara Biblioteket var stängt.", "Sara"),
            ("Fredrik Holm Skolsköterskan Annika ringde.", "Fredrik Holm"),
        ] {
            assert_eq!(names(t)[0], name, "{t}");
        }
        // Particles, lexicon names the dictionary also holds (`lindström`,
        // `lisa`), honorifics.
        assert_eq!(names("Tack till Hans von Essen."), ["Hans von Essen"]);
        assert_eq!(names("Hej Lisa Lindström!"), ["Lisa Lindström"]);
        assert_eq!(
            names("Fru Lindström från Deje har skänkt vykort."),
            ["Lindström"]
        );
        assert_eq!(names("I dag kom Herr Olofsson förbi."), ["Olofsson"]);
    }

    #[test]
    fn lowercase_given_names_that_are_common_words_are_words() {
        no_names(&[
            "Jag åkte dit med mina barn.",
            "Eleverna kan rita och måla.",
            "Vi kan lova att det blir bra.",
            "Det är byggt på kommunens mark och till mark som staten äger.",
            "Det kan inge hopp.",
            "De kom till kaj tre.",
            "Vi vill ha fred och ro.",
        ]);
        // Someone from or at a place of work, outside the lexicons.
        assert_eq!(
            names("Dzenana från hemtjänsten var här i dag."),
            ["Dzenana"]
        );
        no_names(&[
            "Posten från kommunen kom i dag.",
            "Lärarna på skolan är bäst.",
            "Information från skolan kommer i veckan.",
        ]);
        // `Rosa bandet`: a name that is a word, before a definite noun.
        assert_eq!(
            names("Vi samlar in pengar under Rosa bandet-månaden."),
            Vec::<String>::new()
        );
        assert_eq!(names("Vi träffade Rosa igen."), ["Rosa"]);
        // In English, as residents new to Swedish write.
        assert_eq!(
            names("sorry my svenska not good. my daughter sara need place in förskola"),
            ["sara"]
        );
        no_names(&["my dad said it is closed", "thanks for the help!"]);
        assert_eq!(
            sev("thanks Maria for help yesterday"),
            [("Maria".to_string(), Severity::Low)]
        );
        // Written as names they are names; lowercase names stay names.
        assert_eq!(names("Jag pratade med Mina i går."), ["Mina"]);
        assert_eq!(names("Rita sa att hon kommer."), ["Rita"]);
        assert_eq!(names("Jag pratade med lisa i går."), ["lisa"]);
    }

    #[test]
    fn greeted_groups_bodies_and_kin_are_no_names() {
        no_names(&[
            "Hej Föräldrar! Vi ses på lördag.",
            "Tack Kulturskolan för en fin kväll!",
            "Grattis Laget till segern!",
            "Hej Mamma! Vi ses på lördag.",
            "Tack Allihop för i dag.",
            "Hej Kära grannar, vi ses på lördag.",
            "Vi ses snart.\nMvh Kundtjänst",
        ]);
        // Greeted people stay greeted, names that are words too.
        assert_eq!(
            sev("Hej Björn! Vi ses på lördag."),
            [("Björn".to_string(), Severity::Low)]
        );
        assert_eq!(
            sev("Tack Nilufar för hjälpen!"),
            [("Nilufar".to_string(), Severity::Low)]
        );
    }

    #[test]
    fn words_that_open_a_sentence_before_its_verb_are_no_names() {
        // Swedish puts the verb second: an adverb or question word first,
        // then the speech verb, then the subject.
        no_names(&[
            "Varför svarar ingen i telefon?",
            "Idag sa hon att det var stängt.",
            "Därför frågade vi rektorn.",
            "Hur svarar kommunen på det?",
            "Vem berättade det för er?",
            "Tyvärr svarar ingen på mejlen.",
            "Nu skriver jag till er igen.",
        ]);
        // Headlines in Title Case.
        assert_eq!(
            names("Ny Rektor På Dejeskolan: Anna Lindqvist"),
            ["Anna Lindqvist"]
        );
        no_names(&[
            "Öppet Hus På Kulturskolan Lördag 14 Mars",
            "Stor Loppis I Folkets Hus",
        ]);
        // A name that speaks is still one.
        assert_eq!(names("Nilufar frågade om hon fick komma."), ["Nilufar"]);
        assert_eq!(names("Igår sa Anna att hon skulle ringa."), ["Anna"]);
        // `kolla upp johanna`: a lowercase given name after `upp`; not a word.
        assert_eq!(names("ni borde kolla upp johanna på socialen"), ["johanna"]);
        assert_eq!(names("kolla upp frågan med kommunen"), Vec::<String>::new());
    }

    #[test]
    fn greetings_with_a_word_between_mentions_and_more_signatures() {
        let low = |n: &str| (n.to_string(), Severity::Low);
        assert_eq!(sev("Hej igen Lars, tack för påminnelsen!"), [low("Lars")]);
        assert_eq!(
            sev("God morgon Eva! Soptömningen är försenad."),
            [low("Eva")]
        );
        assert_eq!(
            sev("@Omar Hassan @Sara Berg Tack för era frågor."),
            [low("Omar Hassan"), low("Sara Berg")]
        );
        assert_eq!(
            sev("Ring oss gärna.\nVänligen, Malin på kommunikationsavdelningen"),
            [("Malin".to_string(), Severity::Info)]
        );
        // Not a greeting: a morning, a mention of no one.
        assert_eq!(
            sev("I morgon Eva kommer vi att öppna."),
            [("Eva".to_string(), Severity::Medium)]
        );
        assert!(sev("Tack @Biblioteket och @Forshaga för hjälpen!").is_empty());
        // Thanked at the end of a greeting's sentence, replied to, called.
        assert_eq!(sev("Tack för ditt tips, Göran!"), [low("Göran")]);
        assert_eq!(sev("Tack Malin och Petra!"), [low("Malin"), low("Petra")]);
        assert_eq!(
            sev("Svar till Magnus: ansökan är mottagen."),
            [low("Magnus")]
        );
        assert_eq!(sev("Roger, du har fel om elevantalet."), [low("Roger")]);
        // Without the comma, a known given name opening a reply.
        assert_eq!(
            sev("Sofie det är inte nämnden som bestämmer."),
            [low("Sofie")]
        );
        assert_eq!(sev("Lisa jag förstår din oro."), [low("Lisa")]);
        assert!(sev("Bygglov det är svårt att få.").is_empty());
        assert_eq!(
            sev("Anna dog i går."),
            [("Anna".to_string(), Severity::Medium)]
        );
        assert_eq!(
            sev("Dear Ahmed, thank you for your message."),
            [low("Ahmed")]
        );
        // Not addressed: a list, English pronouns after a greeting.
        assert_eq!(
            sev("Roger, Anna och Lisa kom i går."),
            [
                ("Roger".to_string(), Severity::Medium),
                ("Anna".to_string(), Severity::Medium),
                ("Lisa".to_string(), Severity::Medium)
            ]
        );
        assert!(sev("Hi, I am new here and my name is not important.").is_empty());
        // Greeted in a list after the greeting, or after `till`.
        assert_eq!(
            sev("Tack Mohammed och Layla för ert fina arbete."),
            [low("Mohammed"), low("Layla")]
        );
        assert_eq!(
            sev("Hej Anna, Per och Lisa. Mötet flyttas."),
            [low("Anna"), low("Per"), low("Lisa")]
        );
        assert_eq!(sev("Grattis till Ella 10 år idag"), [low("Ella")]);
        // Not greeted: a name joined to a greeting's sentence later on, and
        // a place after the greeting.
        assert_eq!(
            sev("Tack för i går. Anna och Lisa ses i morgon."),
            [
                ("Anna".to_string(), Severity::Medium),
                ("Lisa".to_string(), Severity::Medium)
            ]
        );
        for t in [
            "Grattis till Forshaga IF som vann!",
            "Grattis till Forshagaakademin som fyller 50 år!",
            "Grattis till Årets företagare 2026!",
            "Grattis till F12-laget som vann cupen.",
        ] {
            assert!(sev(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn places_organisations_months_and_words_are_not_names() {
        assert_no(Kind::Name, "Välkommen till Forshaga och Karlstad i maj.");
        assert_no(Kind::Name, "Svenssons Bygg AB har fått uppdraget.");
        assert_no(
            Kind::Name,
            "Björn är ett djur och rosa är en färg, stig in.",
        );
        assert_no(Kind::Name, "Måndag till fredag har vi öppet.");
    }

    #[test]
    fn place_prefixes_dishes_and_characters_are_not_people() {
        assert_no(Kind::Name, "Detaljplan för Norra Lövnäs ställs ut i mars.");
        assert_no(Kind::Name, "Vägen mot Övre Ullerud är avstängd.");
        assert_no(Kind::Name, "Tisdag Janssons frestelse, onsdag fiskgratäng.");
        assert_no(Kind::Name, "Kom och se Nils Karlsson Pyssling på teatern.");
        assert_no(
            Kind::Name,
            "Sagostund med Alfons Åberg och Pippi Långstrump i biblioteket.",
        );
        assert_no(Kind::Name, "Vi tittar på Kalle Anka på julafton.");
        // The same given names as people.
        assert_eq!(
            names("Tack till Kalle Andersson och Alfons för hjälpen."),
            ["Kalle Andersson", "Alfons"]
        );
        assert_eq!(
            names("Anna Jansson bjöd på Janssons frestelse."),
            ["Anna Jansson"]
        );
    }

    #[test]
    fn bands_and_trades_named_after_people_are_no_people() {
        assert_no(Kind::Name, "I år spelar Bo Kaspers Orkester i parken.");
        assert_no(Kind::Name, "Nästa vecka kommer Bo Kaspers orkester.");
        assert_no(Kind::Name, "Fasaden målas av Anderssons Måleri.");
        assert_no(Kind::Name, "Snön körs bort av Berglunds Åkeri i natt.");
        // A person who drives, paints or plays.
        assert_eq!(
            names("I morgon kör Anna Berglund skolbussen."),
            ["Anna Berglund"]
        );
        assert_eq!(
            names("Kim som kört skolskjutsen i tjugo år går i pension."),
            ["Kim"]
        );
    }

    #[test]
    fn a_place_that_is_a_given_name_is_a_person_beside_one() {
        assert_eq!(names("Målen gjordes av Nora och Hiba."), ["Nora", "Hiba"]);
        assert_eq!(names("Grattis Alva och Nora!"), ["Alva", "Nora"]);
        assert_no(Kind::Name, "Bussen går mellan Nora och Lindesberg.");
        assert_no(Kind::Name, "Vi åker till Nora och Karlstad i sommar.");
    }

    #[test]
    fn word_names_count_with_context() {
        assert_eq!(names("I går träffade jag Björn på torget."), ["Björn"]);
        assert_eq!(names("Tack Klara för hjälpen!"), ["Klara"]);
        // Joined to a word, the word; joined to a name, a name.
        assert_no(Kind::Name, "Det finns på webben under Bo och bygga.");
        assert_eq!(
            names("I går träffade jag Bo och Stina på torget."),
            ["Bo", "Stina"]
        );
        assert_eq!(names("I går träffade jag Bo och lisa."), ["Bo", "lisa"]);
    }
}
