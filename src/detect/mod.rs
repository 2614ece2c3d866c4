//! Detectors: one small trait, one file per detector, one registry line each.
//!
//! A detector sees only text through [`ScanCtx`]: it never reads files, runs
//! OCR, prints or logs. It pushes [`Finding`]s; the [`crate::Scanner`] then
//! resolves overlaps between detectors, applies allow-lists and sorts.

use crate::explain::Messages;
use crate::finding::{Finding, Kind, Lang, Severity};
use crate::validate::date::Date;
use crate::Error;

mod address;
mod bank_account;
mod dictionary;
mod email;
mod id_document;
mod license_plate;
mod name;
mod personnummer;
mod phone;
mod terms;

pub use address::Address;
pub use bank_account::BankAccount;
pub use email::Email;
pub use id_document::IdDocument;
pub use license_plate::LicensePlate;
pub(crate) use name::signature_title;
pub use name::Name;
pub use personnummer::Personnummer;
pub use phone::Phone;
pub(crate) use terms::term_messages;
pub use terms::Terms;

/// Compiles a pattern written in the code. Such patterns are compiled on
/// the first scan that needs them (`static` [`std::sync::LazyLock`]s behind
/// each detector's cheap gate), not when the scanner is built, so that
/// `postvakt check` of a draft without, say, an IBAN-shaped word does not
/// pay for them; each detector's unit tests compile all of its own.
pub(crate) fn constant_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern)
        .expect("the detectors' own patterns are compiled by their unit tests")
}

/// A recognizer of one family of personal or confidential data.
///
/// Implementors compile everything they need in their constructor, so that
/// [`Detector::detect`] cannot fail and holds no mutable state.
pub trait Detector: Send + Sync {
    /// The detector's id, the first part of its rule ids (`"personnummer"`).
    fn id(&self) -> &'static str;
    /// The kinds this detector can report.
    fn kinds(&self) -> &'static [Kind];
    /// Every rule id this detector can put in [`Finding::rule`]; each must
    /// have an explanation in the message catalog (checked when building).
    fn rules(&self) -> Vec<&str>;
    /// Explanations the detector brings itself (rules from rule files), by
    /// rule id; merged into the catalog when the scanner is built.
    fn messages(&self) -> Vec<(String, crate::explain::Message)> {
        Vec::new()
    }
    /// Appends what it finds in `cx.text()` to `out`, in any order.
    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>);
}

/// The detectors of a default scanner, in priority order (earlier wins ties
/// when two findings over the same characters are otherwise equal).
pub(crate) fn default_detectors(
    rule_files: &[(String, crate::rules::RuleFile)],
) -> Result<Vec<Box<dyn Detector>>, Error> {
    Ok(vec![
        Box::new(Personnummer::new()?),
        Box::new(Phone::new()?),
        Box::new(Email::new()?),
        Box::new(Address::new()?),
        Box::new(BankAccount::new()?),
        Box::new(LicensePlate::new()?),
        Box::new(IdDocument::new()?),
        Box::new(Terms::new(rule_files)?),
        Box::new(Name::new()?),
    ])
}

/// Per-scan context handed to every detector: the text plus what is shared.
pub struct ScanCtx<'t> {
    text: &'t str,
    lang: Lang,
    messages: &'t Messages,
    /// Fixed by the scanner's builder, or read from the clock on first use.
    today: std::cell::Cell<Option<Date>>,
    /// Maximal runs of ASCII digits, computed once on first use and shared
    /// by the number detectors as a cheap gate before their regex passes.
    digit_runs: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// The words, tokenised once on first use and shared by the detectors.
    words: std::cell::OnceCell<Tokens>,
    /// The text folded ([`crate::text::fold`]), on first use.
    folded: std::cell::OnceCell<String>,
    /// Emptied buffers from this thread's previous scan, filled by the
    /// first use of `words`, `digit_runs` and `folded` instead of new ones
    /// (a scan of a short post then allocates only its findings).
    spare: std::cell::Cell<Scratch>,
}

/// The buffers a scan fills, kept by each thread between its scans.
struct Scratch {
    words: Vec<Word>,
    digit_runs: Vec<(usize, usize)>,
    folded: String,
}

impl Scratch {
    /// Buffers larger than this (bytes of capacity) are freed after the
    /// scan rather than kept, so one huge text does not pin its memory.
    const KEEP: usize = 1 << 20;

    const fn new() -> Scratch {
        Scratch {
            words: Vec::new(),
            digit_runs: Vec::new(),
            folded: String::new(),
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new(Scratch::new()) };
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch::new()
    }
}

impl Drop for ScanCtx<'_> {
    fn drop(&mut self) {
        let mut spare = self.spare.take();
        if let Some(t) = self.words.take() {
            spare.words = t.words;
        }
        if let Some(d) = self.digit_runs.take() {
            spare.digit_runs = d;
        }
        if let Some(f) = self.folded.take() {
            spare.folded = f;
        }
        spare.words.clear();
        spare.digit_runs.clear();
        // The folded text is a copy of the scanned one: its bytes are
        // overwritten before the buffer is kept, so no thread holds the
        // last text it scanned.
        // (A scanner without the name and terms detectors never folds: no
        // call then.)
        if !spare.folded.is_empty() {
            let mut folded = std::mem::take(&mut spare.folded).into_bytes();
            folded.fill(0);
            folded.clear();
            spare.folded = String::from_utf8(folded).expect("empty");
        }
        if spare.words.capacity() * std::mem::size_of::<Word>() > Scratch::KEEP {
            spare.words = Vec::new();
        }
        if spare.digit_runs.capacity() * std::mem::size_of::<(usize, usize)>() > Scratch::KEEP {
            spare.digit_runs = Vec::new();
        }
        if spare.folded.capacity() > Scratch::KEEP {
            spare.folded = String::new();
        }
        // `try_with`: during thread teardown the buffers are simply freed.
        let _ = SCRATCH.try_with(|s| s.set(spare));
    }
}

/// A word of the text: a run of letters, with `-` or an apostrophe inside
/// (`Karl-Erik`, `O'Brien`), and what its letters are like, recorded while
/// tokenising so that no detector decodes the word again.
/// (Positions only, 24 bytes: a text has a word every seven bytes or so,
/// and a smaller vector is cheaper to fill.)
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Byte offset of the first letter.
    pub start: usize,
    /// Byte offset one past the last letter.
    pub end: usize,
    flags: u8,
}

/// The first letter is a capital.
const CAPITALISED: u8 = 1;
/// Holds a capital that folding changes (ASCII or Latin-1).
const FOLDS: u8 = 2;
/// Holds a letter that is not a capital.
const NOT_UPPER: u8 = 4;
/// Holds more than one letter.
const SEVERAL: u8 = 8;
/// Holds a hyphen or an apostrophe.
const JOINED: u8 = 16;

impl Word {
    /// The word as written in `text` (the scanned text).
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The first letter is a capital (`Anna`, `ÅSA`, `Łukasz`).
    #[inline]
    pub fn capitalised(&self) -> bool {
        self.flags & CAPITALISED != 0
    }

    /// Two letters or more, all capitals (`ANNA`, `SVT`).
    #[inline]
    pub fn all_caps(&self) -> bool {
        self.flags & (SEVERAL | NOT_UPPER) == SEVERAL
    }

    /// The word holds a hyphen or an apostrophe (`Karl-Erik`, `LVU-ärende`).
    #[inline]
    pub fn joined(&self) -> bool {
        self.flags & JOINED != 0
    }

    /// Folding changes the word (it holds an ASCII or Latin-1 capital).
    #[inline]
    pub fn folds(&self) -> bool {
        self.flags & FOLDS != 0
    }
}

/// The position of the first ASCII digit at or after `from`. Eight bytes
/// are tested at a time (most text has few digits).
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte, with the high bit cleared (no carry between bytes):
        // at least 0x30 and not at least 0x3A, and the high bit was clear.
        let t = x & (0x7F * ONES);
        let digits =
            t.wrapping_add(0x50 * ONES) & !t.wrapping_add(0x46 * ONES) & !x & (0x80 * ONES);
        if digits != 0 {
            return Some(i + (digits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..b.len()).find(|&k| b[k].is_ascii_digit())
}

/// What a non-ASCII character inside a word is: (letter, joiner,
/// capital, folds, bytes).
#[inline]
fn classify_non_ascii(text: &str, i: usize) -> (bool, bool, bool, bool, usize) {
    let b = text.as_bytes();
    if b[i] == 0xC3 {
        // Latin-1 letters (å, ä, ö, é, ü…) but × and ÷, without a Unicode
        // table; the capitals are C3 80..=9E.
        let n = b[i + 1];
        let upper = (0x80..=0x9E).contains(&n) && n != 0x97;
        (n != 0x97 && n != 0xB7, false, upper, upper, 2)
    } else {
        let ch = text[i..].chars().next().expect("i is a char boundary");
        (
            ch.is_alphabetic(),
            ch == '’',
            ch.is_uppercase(),
            false,
            ch.len_utf8(),
        )
    }
}

/// The words of a text, and whether any holds a Latin-1 capital.
struct Tokens {
    words: Vec<Word>,
    latin1_capital: bool,
}

/// Bit k of the result is the high bit of byte k of `m` (the other bits
/// of `m` must be clear): eight bytes' tests as eight bits.
#[inline]
fn byte_bits(m: u64) -> u64 {
    m.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

/// Per byte of `x`, its high bit set when the byte is ASCII in `lo..=hi`.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let t = x & (0x7F * ONES);
    t.wrapping_add(u64::from(0x80 - lo) * ONES)
        & !t.wrapping_add(u64::from(0x7F - hi) * ONES)
        & !x
        & (0x80 * ONES)
}

/// The classes of 64 bytes as bitmasks (bit k for byte k).
#[derive(Debug, PartialEq, Eq)]
struct Block {
    /// ASCII lowercase letters.
    lower: u64,
    /// ASCII capitals.
    upper: u64,
    /// Joiners inside a word: `-`, `'`.
    join: u64,
    /// Bytes of non-ASCII characters.
    high: u64,
    /// The byte 0xC3 that opens every Latin-1 letter (å, ä, ö, é, ü…).
    c3: u64,
    /// 0x80..=0x9E: after 0xC3, a Latin-1 capital (À..Þ).
    latin_upper: u64,
    /// 0x97 or 0xB7: after 0xC3, × or ÷ (no letters).
    latin_sign: u64,
}

impl Block {
    /// Eight bytes at a time in plain integers (no `unsafe`, so no SIMD
    /// intrinsics: the library forbids it).
    #[inline]
    fn new(b: &[u8; 64]) -> Block {
        let mut k = Block {
            lower: 0,
            upper: 0,
            join: 0,
            high: 0,
            c3: 0,
            latin_upper: 0,
            latin_sign: 0,
        };
        for (c, chunk) in b.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // The high bit flipped: the ranges of non-ASCII bytes become
            // ASCII ones for `in_range`.
            let y = x ^ 0x8080_8080_8080_8080;
            let at = 8 * c;
            // ASCII letters of either case (bit 5 set folds them), and the
            // capitals among them (bit 5 clear, shifted to the high bit).
            let letter = in_range(x | 0x2020_2020_2020_2020, b'a', b'z');
            k.lower |= byte_bits(letter) << at;
            k.upper |= byte_bits(letter & !(x << 2)) << at;
            k.join |= byte_bits(in_range(x, b'-', b'-') | in_range(x, b'\'', b'\'')) << at;
            k.high |= byte_bits(x & 0x8080_8080_8080_8080) << at;
            k.c3 |= byte_bits(in_range(y, 0x43, 0x43)) << at;
            k.latin_upper |= byte_bits(in_range(y, 0x00, 0x1E)) << at;
            // 0x97 and 0xB7 differ only in bit 5.
            k.latin_sign |= byte_bits(in_range(y | 0x2020_2020_2020_2020, 0x37, 0x37)) << at;
        }
        // `lower` held the letters of either case so far.
        k.lower &= !k.upper;
        k
    }
}

/// The words of `text`, in order (see [`Word`]), into `out` (emptied
/// first). The text is read 64 bytes at a time as bitmasks of letters,
/// joiners and non-ASCII bytes (eight bytes a step, no branch per byte); a
/// run of those bytes that lies in one block and holds only ASCII and
/// Latin-1 letters (å, ä, ö, é…) is a word whose flags come from the
/// masks. Other runs (dashes, emoji, other scripts, across two blocks) are
/// split byte by byte ([`split_range`]).
///
/// Measured in session 5 on labelled posts: this runs more instructions
/// than the byte-by-byte split alone (the whole scan 128 -> 139 a byte,
/// callgrind) yet the whole scan is faster (median of 11 alternating runs
/// 39.6 -> 41.3 MB/s, `profile_scan`), the byte loop's branch at every
/// word's end being hard to predict (this machine has no counters to show
/// it). Judge changes here by time, not by instructions.
fn tokenize(text: &str, mut out: Vec<Word>) -> Tokens {
    let b = text.as_bytes();
    let n = b.len();
    // The bundled corpus averages 7.4 bytes a word with its separators:
    // one word per six bytes rarely needs to grow.
    out.clear();
    out.reserve(n / 6 + 1);
    let mut latin1_capital = false;
    // A run of word bytes still open at the end of the previous block.
    let mut open: Option<usize> = None;
    let mut base = 0;
    while base < n {
        let chunk: [u8; 64] = match b[base..].first_chunk::<64>() {
            Some(c) => *c,
            None => {
                let mut c = [0u8; 64];
                c[..n - base].copy_from_slice(&b[base..]);
                c
            }
        };
        let blk = Block::new(&chunk);
        // The second bytes of Latin-1 characters (a 0xC3 at bit 63 has its
        // second byte in the next block: that run spans two, split slowly).
        let cont = blk.c3 << 1;
        let letters = blk.lower | blk.upper | blk.c3 | (cont & !blk.latin_sign);
        let wordish = letters | blk.join | blk.high;
        // Non-ASCII bytes that are no Latin-1 letter: the split byte by byte.
        let other = blk.high & !((blk.c3 | cont) & !(cont & blk.latin_sign));
        let cap2 = cont & blk.latin_upper;
        let mut k: u32 = 0;
        while k < 64 {
            let start = match open {
                Some(s) => s,
                None => {
                    let rest = wordish >> k;
                    if rest == 0 {
                        break;
                    }
                    k += rest.trailing_zeros();
                    base + k as usize
                }
            };
            // The run's end in this block, or none: it goes on.
            let rest = !wordish >> k;
            if rest == 0 {
                open = Some(start);
                break;
            }
            let end_k = k + rest.trailing_zeros();
            let end = base + end_k as usize;
            k = end_k;
            open = None;
            if start < base {
                split_range(text, start, end, &mut out, &mut latin1_capital);
                continue;
            }
            let from = (start - base) as u32;
            // `end_k` < 64: the run ended in this block.
            let run = (u64::MAX << from) & ((1u64 << end_k) - 1);
            if other & run != 0 || blk.c3 & (1 << 63) & run != 0 {
                split_range(text, start, end, &mut out, &mut latin1_capital);
                continue;
            }
            let l = letters & run;
            if l == 0 {
                // Joiners only (`--`).
                continue;
            }
            let first = l.trailing_zeros();
            let last = 63 - l.leading_zeros();
            let word = (u64::MAX << first) & (u64::MAX >> (63 - last));
            let any = |m: u64| u8::from(m != 0);
            // More than one character: two letter bytes or more that open
            // one.
            let opens = l & !cont & word;
            latin1_capital |= (cap2 & word) != 0;
            // (Flags without branches: each would mispredict.)
            let flags = (any((blk.upper | (cap2 >> 1)) & (1 << first)) * CAPITALISED)
                | (any((blk.upper | cap2) & word) * FOLDS)
                | (any((blk.lower | (cont & !blk.latin_upper)) & word) * NOT_UPPER)
                | (any(opens & opens.wrapping_sub(1)) * SEVERAL)
                // Joiners after the first letter, trailing ones too (as the
                // byte-by-byte split counts them).
                | (any(blk.join & run & (u64::MAX << first)) * JOINED);
            out.push(Word {
                start: base + first as usize,
                end: base + last as usize + 1,
                flags,
            });
        }
        base += 64;
    }
    if let Some(start) = open {
        split_range(text, start, n, &mut out, &mut latin1_capital);
    }
    Tokens {
        words: out,
        latin1_capital,
    }
}

/// The words of `text[from..n]` by one byte at a time, appended to `out`
/// (`n` must end the text or fall on an ASCII byte that is no letter or
/// joiner). ASCII bytes and the Latin-1 letters (å, ä, ö, é…) are classified
/// by their bytes without decoding.
fn split_range(text: &str, from: usize, n: usize, out: &mut Vec<Word>, latin1_capital: &mut bool) {
    let b = text.as_bytes();
    let mut i = from;
    while i < n {
        let start = i;
        let c = b[i];
        // The first letter, or the gap between words.
        let mut flags = if c.wrapping_sub(b'a') < 26 {
            i += 1;
            NOT_UPPER
        } else if c.wrapping_sub(b'A') < 26 {
            i += 1;
            CAPITALISED | FOLDS
        } else if c < 0x80 {
            i += 1;
            continue;
        } else {
            let (letter, _, upper, folds, len) = classify_non_ascii(text, i);
            i += len;
            if !letter {
                continue;
            }
            *latin1_capital |= folds;
            match (upper, folds) {
                (true, true) => CAPITALISED | FOLDS,
                (true, false) => CAPITALISED,
                _ => NOT_UPPER,
            }
        };
        let mut last = i;
        loop {
            // Runs of ASCII lowercase letters, most of any word, a byte at
            // a time (words are short: a wider loop costs more to set up).
            let run = i;
            while i < n && b[i].wrapping_sub(b'a') < 26 {
                i += 1;
            }
            if i > run {
                flags |= SEVERAL | NOT_UPPER;
                last = i;
            }
            if i == n {
                break;
            }
            let c = b[i];
            if c.wrapping_sub(b'A') < 26 {
                flags |= SEVERAL | FOLDS;
                i += 1;
                last = i;
            } else if c == b'-' || c == b'\'' {
                flags |= JOINED;
                i += 1;
            } else if c == 0xC3 && i + 1 < n && b[i + 1] != 0x97 && b[i + 1] != 0xB7 {
                // Latin-1 letters (å, ä, ö, é, ü…) but × and ÷; the
                // capitals are C3 80..=9E.
                if b[i + 1] <= 0x9E {
                    flags |= SEVERAL | FOLDS;
                    *latin1_capital = true;
                } else {
                    flags |= SEVERAL | NOT_UPPER;
                }
                i += 2;
                last = i;
            } else if c >= 0x80 && c != 0xC3 {
                let (letter, joiner, upper, folds, len) = classify_non_ascii(text, i);
                if letter {
                    flags |= SEVERAL | if upper { 0 } else { NOT_UPPER };
                    if folds {
                        flags |= FOLDS;
                        *latin1_capital = true;
                    }
                    last = i + len;
                } else if joiner {
                    flags |= JOINED;
                } else {
                    break;
                }
                i += len;
            } else {
                break;
            }
        }
        out.push(Word {
            start,
            end: last,
            flags,
        });
    }
}

impl<'t> ScanCtx<'t> {
    pub(crate) fn new(
        text: &'t str,
        lang: Lang,
        messages: &'t Messages,
        today: Option<Date>,
    ) -> Self {
        ScanCtx {
            text,
            lang,
            messages,
            today: std::cell::Cell::new(today),
            digit_runs: std::cell::OnceCell::new(),
            words: std::cell::OnceCell::new(),
            folded: std::cell::OnceCell::new(),
            spare: std::cell::Cell::new(SCRATCH.try_with(|s| s.take()).unwrap_or_default()),
        }
    }

    /// Takes one buffer out of the spare ones.
    fn spare<T>(&self, pick: impl FnOnce(&mut Scratch) -> T) -> T {
        let mut spare = self.spare.take();
        let t = pick(&mut spare);
        self.spare.set(spare);
        t
    }

    /// The words of the text in order, tokenised once per scan.
    pub fn words(&self) -> &[Word] {
        &self.tokens().words
    }

    fn tokens(&self) -> &Tokens {
        self.words.get_or_init(|| {
            let buf = self.spare(|s| std::mem::take(&mut s.words));
            tokenize(self.text, buf)
        })
    }

    /// True when the text holds a Latin-1 capital (`Å`, `Ä`, `Ö`, `É`…),
    /// the only capitals besides ASCII that folding changes (known from
    /// tokenising: such a capital is a letter of some word).
    pub fn has_latin1_capital(&self) -> bool {
        self.tokens().latin1_capital
    }

    /// The text folded (ASCII and Latin-1 capitals to lowercase; same byte
    /// offsets), computed once per scan on first use.
    pub fn folded(&self) -> &str {
        self.folded.get_or_init(|| {
            let mut buf = self.spare(|s| std::mem::take(&mut s.folded));
            crate::text::fold_into(self.text, self.has_latin1_capital(), &mut buf);
            buf
        })
    }

    /// A word folded: the word itself when folding would not change it.
    #[inline]
    pub fn folded_word(&self, w: &Word) -> &str {
        if w.folds() {
            &self.folded()[w.start..w.end]
        } else {
            &self.text[w.start..w.end]
        }
    }

    /// The maximal runs of ASCII digits as byte ranges, in text order.
    pub fn digit_runs(&self) -> &[(usize, usize)] {
        self.digit_runs.get_or_init(|| {
            let b = self.text.as_bytes();
            let mut runs = self.spare(|s| std::mem::take(&mut s.digit_runs));
            runs.clear();
            let mut i = 0;
            while let Some(start) = next_digit(b, i) {
                i = start;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                runs.push((start, i));
            }
            runs
        })
    }

    /// The text being scanned.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Today's date, for resolving centuries and rejecting future dates.
    /// The explanation of a rule in the scan's language.
    pub fn message(&self, rule: &'t str) -> &'t str {
        self.messages.get(rule, self.lang)
    }

    /// Today's date, for resolving centuries and rejecting future dates.
    pub fn today(&self) -> Date {
        match self.today.get() {
            Some(d) => d,
            None => {
                let d = Date::today();
                self.today.set(Some(d));
                d
            }
        }
    }

    /// Builds a finding over `start..end` with the rule's explanation.
    ///
    /// `start` and `end` must be char boundaries of the text.
    pub fn finding(
        &self,
        kind: Kind,
        (start, end): (usize, usize),
        score: f32,
        severity: Severity,
        rule: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Finding {
        let rule = rule.into();
        Finding {
            kind,
            start,
            end,
            text: self.text[start..end].to_string(),
            score: score.clamp(0.0, 1.0),
            severity,
            explanation: self.messages.text(&rule, self.lang),
            rule,
            normalized: None,
            source: None,
        }
    }

    /// Up to `n` words before byte `start`, nearest first, as they are
    /// written (compare with [`word_is`] and [`word_starts_with`]).
    ///
    /// A word is a run of alphanumeric characters, with `.` or `-` inside it
    /// (`pers.nr`, `p-nr`), so `personnr:` yields `personnr`. Allocates nothing.
    pub fn words_before(&self, start: usize, n: usize) -> impl Iterator<Item = &'t str> + Clone {
        let head = &self.text[..start];
        let from = floor_char_boundary(head, head.len().saturating_sub(n * 24));
        words(&head[from..]).rev().take(n)
    }

    /// Up to `n` words before byte `start`, nearest first, but none beyond
    /// the previous number: a context word labels the nearest number after
    /// it (`personnummer 2007… Ordernummer 8112…` says nothing of the second).
    pub fn words_since_number(
        &self,
        start: usize,
        n: usize,
    ) -> impl Iterator<Item = &'t str> + Clone {
        self.words_before(start, n)
            .take_while(|w| !w.bytes().any(|b| b.is_ascii_digit()))
    }

    /// Up to `n` words after byte `end`, nearest first, but none beyond
    /// the next number (the counterpart of [`ScanCtx::words_since_number`]).
    pub fn words_until_number(
        &self,
        end: usize,
        n: usize,
    ) -> impl Iterator<Item = &'t str> + Clone {
        self.words_after(end, n)
            .take_while(|w| !w.bytes().any(|b| b.is_ascii_digit()))
    }

    /// Up to `n` words after byte `end`, nearest first.
    pub fn words_after(&self, end: usize, n: usize) -> impl Iterator<Item = &'t str> + Clone {
        let tail = &self.text[end..];
        let to = floor_char_boundary(tail, (n * 24).min(tail.len()));
        words(&tail[..to]).take(n)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// The words of `s`; see [`ScanCtx::words_before`].
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    s.split(|c: char| !is_word_char(c))
        .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// Context words of a detector (lowercase words and prefixes) with a bit
/// per first byte they can open with, built at compile time: most words of
/// a text are turned away by one bit test before any comparison.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    prefixes: &'static [&'static str],
    first: [u64; 4],
}

impl WordList {
    /// The list (evaluated at compile time for a `const`).
    pub const fn new(words: &'static [&'static str], prefixes: &'static [&'static str]) -> Self {
        let mut first = [0u64; 4];
        let lists = [words, prefixes];
        let mut l = 0;
        while l < 2 {
            let mut i = 0;
            while i < lists[l].len() {
                let b = lists[l][i].as_bytes()[0];
                // The byte itself and, for an ASCII letter, its capital; a
                // capital Å/Ä/Ö/É opens with the same byte (0xC3) as the small.
                first[(b / 64) as usize] |= 1 << (b % 64);
                let upper = b.to_ascii_uppercase();
                first[(upper / 64) as usize] |= 1 << (upper % 64);
                i += 1;
            }
            l += 1;
        }
        WordList {
            words,
            prefixes,
            first,
        }
    }

    /// True when `word` is one of the words or starts with one of the
    /// prefixes, ignoring case (as [`word_in`]).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        self.first[usize::from(b / 64)] & (1 << (b % 64)) != 0
            && word_in(word, self.words, self.prefixes)
    }
}

/// True when `word` is one of `words` or starts with one of `prefixes`
/// (both lowercase), ignoring case.
pub fn word_in(word: &str, words: &[&str], prefixes: &[&str]) -> bool {
    words.iter().any(|w| word_is(word, w)) || prefixes.iter().any(|p| word_starts_with(word, p))
}

/// True when `word` equals `lower` ignoring case (`lower` must be lowercase).
/// Allocates nothing; folds Å/Ä/Ö too, which ASCII folding would not.
#[inline]
pub fn word_is(word: &str, lower: &str) -> bool {
    word.len() == lower.len()
        && (word.eq_ignore_ascii_case(lower) || (!word.is_ascii() && word_starts_with(word, lower)))
}

/// True when `word` starts with `lower` ignoring case (`lower` lowercase).
#[inline]
pub fn word_starts_with(word: &str, lower: &str) -> bool {
    let n = lower.len();
    // ASCII on both sides: compare bytes (the common case, no decoding).
    if let Some(head) = word.as_bytes().get(..n) {
        if head.is_ascii() && lower.is_ascii() {
            return head.eq_ignore_ascii_case(lower.as_bytes());
        }
    }
    // Cheap rejection on the first byte when both start with ASCII.
    if let (Some(&a), Some(&b)) = (word.as_bytes().first(), lower.as_bytes().first()) {
        if a.is_ascii() && b.is_ascii() && a.to_ascii_lowercase() != b {
            return false;
        }
    }
    let mut w = word.chars().flat_map(char::to_lowercase);
    lower.chars().all(|c| w.next() == Some(c))
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_and_words_of_mixed_text() {
        let m = Messages::default();
        // Digits at every offset of the eight-byte chunks, non-ASCII bytes
        // (whose low seven bits look like digits: 0xB0..=0xB9) beside them.
        let text = "a1 bb22 ccc333 Åsa° 4444 ö\u{b5}\u{b9}5 x-y O'Neil ÉMILE 123456789012";
        let cx = ScanCtx::new(text, Lang::Sv, &m, None);
        let runs: Vec<&str> = cx.digit_runs().iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(runs, ["1", "22", "333", "4444", "5", "123456789012"]);
        let naive: Vec<usize> = (0..text.len())
            .filter(|&i| text.as_bytes()[i].is_ascii_digit())
            .collect();
        for from in 0..text.len() {
            assert_eq!(
                next_digit(text.as_bytes(), from),
                naive.iter().copied().find(|&i| i >= from)
            );
        }
        let words: Vec<(&str, bool, bool, bool)> = cx
            .words()
            .iter()
            .map(|w| (w.text(text), w.capitalised(), w.all_caps(), w.folds()))
            .collect();
        assert_eq!(
            words,
            [
                ("a", false, false, false),
                ("bb", false, false, false),
                ("ccc", false, false, false),
                ("Åsa", true, false, true),
                ("ö\u{b5}", false, false, false),
                ("x-y", false, false, false),
                ("O'Neil", true, false, true),
                ("ÉMILE", true, true, true),
            ]
        );
        assert_eq!(cx.folded_word(&cx.words()[7]), "émile");
        assert!(cx.has_latin1_capital());
        for (text, capital) in [
            ("åsa ÖSTER", true),
            ("åsa öster × ÷", false),
            ("ANNA", false),
            ("", false),
        ] {
            let cx = ScanCtx::new(text, Lang::Sv, &m, None);
            assert_eq!(cx.has_latin1_capital(), capital, "{text}");
            assert_eq!(
                cx.has_latin1_capital(),
                crate::text::has_latin1_capital(text.as_bytes())
            );
            assert_eq!(cx.folded(), crate::text::fold(text));
        }
    }

    /// The word split as the doc of [`Word`] says it, one char at a time:
    /// what the byte-level split must give.
    pub(crate) fn reference_words(text: &str) -> Vec<(usize, usize, u8)> {
        let letter = |c: char| c.is_alphabetic();
        let joiner = |c: char| matches!(c, '-' | '\'' | '’');
        let folds = |c: char| c.is_ascii_uppercase() || ('À'..='Þ').contains(&c) && c != '×';
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !letter(chars[k].1) {
                k += 1;
                continue;
            }
            let first = k;
            let mut last = k;
            let mut flags = 0;
            while k < chars.len() && (letter(chars[k].1) || joiner(chars[k].1)) {
                let c = chars[k].1;
                if letter(c) {
                    last = k;
                    if k > first {
                        flags |= SEVERAL;
                    }
                    if c.is_uppercase() {
                        if k == first {
                            flags |= CAPITALISED;
                        }
                    } else {
                        flags |= NOT_UPPER;
                    }
                    if folds(c) {
                        flags |= FOLDS;
                    }
                } else {
                    flags |= JOINED;
                }
                k += 1;
            }
            let (s, c) = chars[last];
            out.push((chars[first].0, s + c.len_utf8(), flags));
        }
        out
    }

    #[test]
    fn the_word_split_and_digit_runs_agree_with_a_char_by_char_reference() {
        let m = Messages::default();
        let pieces = [
            "Anna",
            "Karl-Erik",
            "O'Brien",
            "d’Artagnan",
            "ÅSA",
            "Östen",
            "é",
            "ß",
            "Łukasz",
            "Ølstykke",
            "ÉMILE",
            "×",
            "÷",
            "µ",
            "¹",
            "–",
            "—",
            "\u{a0}",
            "🙂",
            "--",
            "-",
            "'",
            "’",
            "a",
            "B",
            "12",
            "2024-05-12",
            "x-y-",
            "-z",
            "SVT:s",
            "göteborg",
            "ÄÖÅ",
            "\n",
            " ",
            ".",
            "Ω",
            "ǅ",
            "αβγ",
            "漢字",
            "abcdefghijklmnopqrstuvwxyz",
            "…",
            "«",
            "»",
        ];
        // Words and gaps of every length, so each kind of byte falls on
        // every offset of the eight-byte chunks the split reads at a time.
        let mut texts = vec![String::new()];
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut t = String::new();
            for _ in 0..(seed % 40) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed >> 62 == 0 {
                    t.push(' ');
                }
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            texts.push(t);
        }
        texts.push("a".repeat(200));
        // Latin-1 letters, signs and joiners on both sides of the 64-byte
        // blocks the split reads at a time.
        for pad in 55..70 {
            for piece in ["Ä", "é", "×", "÷", "ß-", "-Å", "'É", "–", "ÖÅ", "aß"] {
                texts.push(format!("{} {piece}x {}", "a".repeat(pad), "b".repeat(pad)));
                texts.push(format!("{}{piece}{}", " ".repeat(pad), "Y".repeat(3)));
            }
        }
        texts.push(format!("{}Å{}", "b".repeat(63), "c".repeat(64)));
        texts.push(format!("{}–x", "y".repeat(63)));
        for text in &texts {
            let cx = ScanCtx::new(text, Lang::Sv, &m, None);
            let got: Vec<(usize, usize, u8)> = cx
                .words()
                .iter()
                .map(|w| (w.start, w.end, w.flags))
                .collect();
            assert_eq!(got, reference_words(text), "{text:?}");
            let digits: Vec<(usize, usize)> = {
                let b = text.as_bytes();
                let mut runs = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    if b[i].is_ascii_digit() {
                        let s = i;
                        while i < b.len() && b[i].is_ascii_digit() {
                            i += 1;
                        }
                        runs.push((s, i));
                    } else {
                        i += 1;
                    }
                }
                runs
            };
            assert_eq!(cx.digit_runs(), &digits[..], "{text:?}");
            assert_eq!(
                cx.has_latin1_capital(),
                crate::text::has_latin1_capital(text.as_bytes()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn word_lists_agree_with_word_in() {
        const WORDS: &[&str] = &["pnr", "född", "ärende", "åk"];
        const PREFIXES: &[&str] = &["personnum", "reg"];
        const LIST: WordList = WordList::new(WORDS, PREFIXES);
        for w in [
            "pnr",
            "PNR",
            "Pnr",
            "född",
            "FÖDD",
            "Född",
            "ärende",
            "Ärende",
            "ÄRENDE",
            "åk",
            "ÅK",
            "personnumret",
            "PERSONNUMMER",
            "Reg",
            "regnr",
            "",
            "x",
            "pn",
            "födde",
            "ärenden",
            "öl",
        ] {
            assert_eq!(LIST.contains(w), word_in(w, WORDS, PREFIXES), "{w}");
        }
    }

    #[test]
    fn context_words_are_lowercased_and_bounded() {
        let m = Messages::default();
        let text = "Mitt Personnr: 121212-1212 är hemligt, säger Åsa.";
        let cx = ScanCtx::new(text, Lang::Sv, &m, None);
        let start = text.find("121212").unwrap();
        let before: Vec<_> = cx.words_before(start, 5).collect();
        assert_eq!(before, vec!["Personnr", "Mitt"]);
        assert_eq!(
            cx.words_before(start, 1).collect::<Vec<_>>(),
            vec!["Personnr"]
        );
        let after: Vec<_> = cx.words_after(start + 11, 2).collect();
        assert_eq!(after, vec!["är", "hemligt"]);
        assert!(word_is("Personnr", "personnr"));
        assert!(word_is("FÖDD", "född"));
        assert!(!word_is("födda", "född"));
        assert!(word_starts_with("PERSONNUMRET", "personnum"));
    }

    #[test]
    fn windows_respect_char_boundaries() {
        let m = Messages::default();
        let text = "ååååååååååååååååååååååååååååååååååååååååååååååå1";
        let cx = ScanCtx::new(text, Lang::Sv, &m, None);
        let start = text.len() - 1;
        assert_eq!(cx.words_before(start, 1).count(), 1);
        assert!(cx.words_after(0, 3).count() <= 1);
    }
}
