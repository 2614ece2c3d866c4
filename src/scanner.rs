//! The [`Scanner`]: built once from rules, shared by all threads, scans text.
//!
//! Building compiles every detector and checks every rule file; scanning then
//! cannot fail. The scanner, not the detectors, resolves overlaps, applies
//! the allow-list and disabled rules, and sorts the findings.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::detect::{default_detectors, Detector, ScanCtx};
use crate::explain::Messages;
use crate::finding::{Finding, Kind, Lang, Severity};
use crate::rules::{normalize, AllowEntry, RuleFile};
use crate::validate::date::Date;
use crate::Error;

/// Options that may differ per scan with the same [`Scanner`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanOptions {
    /// Language of explanations.
    pub lang: Lang,
    /// The text is a reply to a resident: report a `policy` finding when it
    /// is not signed with a name and a title, as the guidelines require.
    pub reply: bool,
}

/// Scans text for personal data and confidential wording.
///
/// Holds only read-only compiled state: it is `Send + Sync`, build it once
/// and share it (by reference or `Arc`) across threads.
///
/// # Example
/// ```
/// use postvakt::{Kind, Scanner};
/// let scanner = Scanner::new();
/// let findings = scanner.scan_text("Mitt personnummer är 811228-9874.");
/// assert_eq!(findings[0].kind, Kind::Personnummer);
/// assert_eq!(findings[0].text, "811228-9874");
/// assert_eq!((findings[0].start, findings[0].end), (22, 33)); // "ä" is two bytes
/// ```
///
/// # Performance
/// Every detector makes one linear pass over the text (regexes and
/// automata compiled at build time); the number detectors are skipped when
/// the text has no ASCII digit.
pub struct Scanner {
    detectors: Vec<Box<dyn Detector>>,
    messages: Messages,
    options: ScanOptions,
    today: Option<Date>,
    disabled: HashSet<String>,
    /// Normalized allowed texts with their optional kind.
    allow: Vec<(String, Option<Kind>)>,
    /// Allowed e-mail domains, lowercase.
    allow_domains: Vec<String>,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field(
                "detectors",
                &self.detectors.iter().map(|d| d.id()).collect::<Vec<_>>(),
            )
            .field("options", &self.options)
            .field("disabled", &self.disabled)
            .field("allow_entries", &self.allow.len())
            .finish()
    }
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

/// Raises `f` to `high`, its explanation followed by `why`.
fn raise_to_high(f: &mut Finding, why: &str) {
    f.severity = Severity::High;
    let mut e = String::with_capacity(f.explanation.len() + 1 + why.len());
    e.push_str(&f.explanation);
    e.push(' ');
    e.push_str(why);
    f.explanation = e.into();
}

/// Words before an address that say someone lives or gets mail there
/// (folded; the text before the address ends with one, after a non-letter).
const HOME_CUES: &[&str] = &[
    "bor på",
    "bor i",
    "bor vid",
    "flyttat till",
    "flyttade till",
    "flyttar till",
    "adress",
    "adressen",
    "adressen är",
    "adress är",
    "mottagare",
    "lives at",
    "live at",
    "living at",
    "moved to",
    "asuu",
];

impl Scanner {
    /// A scanner with the embedded default rules, explaining in Swedish.
    pub fn new() -> Scanner {
        ScannerBuilder::new()
            .build()
            .expect("embedded rules are checked by the test suite")
    }

    /// A builder to add rule files, switch rules off or change the language.
    pub fn builder() -> ScannerBuilder {
        ScannerBuilder::new()
    }

    /// The kinds this scanner can report.
    pub fn kinds(&self) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = self
            .detectors
            .iter()
            .flat_map(|d| d.kinds().iter().copied())
            .filter(|k| !self.disabled.contains(k.as_str()))
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// The explanation for `rule` in the scanner's language (the rule id
    /// itself when there is none). Used by the edges that make findings
    /// outside detectors, such as image metadata.
    pub fn explain<'a>(&'a self, rule: &'a str) -> &'a str {
        self.messages.get(rule, self.options.lang)
    }

    /// The options the scanner was built with.
    pub fn options(&self) -> ScanOptions {
        self.options
    }

    /// Scans `text` and returns its findings sorted by `(start, end)`.
    ///
    /// Spans are byte offsets on char boundaries; no two findings overlap.
    pub fn scan_text(&self, text: &str) -> Vec<Finding> {
        self.scan_text_with(text, &self.options)
    }

    /// Like [`Scanner::scan_text`] with other options (for example the language
    /// of one HTTP request).
    pub fn scan_text_with(&self, text: &str, options: &ScanOptions) -> Vec<Finding> {
        if text.is_empty() {
            return Vec::new();
        }
        let cx = ScanCtx::new(text, options.lang, &self.messages, self.today);
        // Room for the findings of a dense post without growing.
        let mut found = Vec::with_capacity(16);
        for d in &self.detectors {
            d.detect(&cx, &mut found);
        }
        found.retain(|f| {
            !self.disabled.contains(&*f.rule) && !self.disabled.contains(f.kind.as_str())
        });
        let mut found = resolve_overlaps(found);
        self.escalate_contact_details(&mut found, options.lang);
        self.escalate_name_with_contact(text, &mut found, options.lang);
        self.apply_allow_list(&mut found, options.lang);
        if options.reply && !self.disabled.contains("policy") {
            if let Some(f) = unsigned_reply(text, &found, &self.messages, options.lang) {
                found.push(f);
                found.sort_by_key(|f| (f.start, f.end));
            }
        }
        found
    }

    /// A name or contact details in the same text as an identity number, or
    /// as health, social-services or other sensitive or confidential wording,
    /// point out one person together: raise them to `high` and say why.
    /// The writer's signature (`info`) stays as it is.
    fn escalate_contact_details(&self, found: &mut [Finding], lang: Lang) {
        let trigger = found.iter().any(|f| {
            matches!(
                f.kind,
                Kind::Personnummer | Kind::Samordningsnummer | Kind::Sensitive | Kind::Confidential
            ) && f.severity >= Severity::Medium
        });
        if !trigger {
            return;
        }
        let why = self.messages.get("combined.with_identity_number", lang);
        for f in found {
            if matches!(
                f.kind,
                Kind::Name
                    | Kind::Phone
                    | Kind::Email
                    | Kind::Address
                    | Kind::BankAccount
                    | Kind::LicensePlate
            ) && f.severity < Severity::High
                && f.severity > Severity::Info
            {
                raise_to_high(f, why);
            }
        }
    }

    /// A person's name and their home address or personal phone number
    /// together (`Anna Berg bor på Storgatan 5`, `Ring Anna Berg på 070-…`,
    /// `Göran på Ekbacken 12`) say where that person lives or can be
    /// reached: both are raised to `high`. Only a name at `medium` (a third
    /// person or the writer naming themselves: a greeted name, `low`, is
    /// the reply's reader and the place the reply names is as often the
    /// pothole's as the home's; a signature, `info`, is the writer's). An
    /// address counts after a word that says someone lives or gets mail
    /// there (`bor på`, `flyttat till`, `lives at`, `Adress:`), right after
    /// the name (`Göran på Ekbacken 12`, `Lars Johansson, c/o …`), or as a
    /// full postal address; a mobile or foreign number counts unless a title
    /// stands between it and the name (`Sara Holm, fritidsledare, 070-…`:
    /// staff at work). Boxes, postal codes, a street's stretch and the
    /// organisation's numbers (below `medium`) raise nothing.
    fn escalate_name_with_contact(&self, text: &str, found: &mut [Finding], lang: Lang) {
        let medium = |f: &Finding, kind: Kind| f.kind == kind && f.severity == Severity::Medium;
        if !found.iter().any(|f| medium(f, Kind::Name))
            || !found
                .iter()
                .any(|f| medium(f, Kind::Phone) || medium(f, Kind::Address))
        {
            return;
        }
        // The text between two findings, when they are in one paragraph and
        // near.
        let between = |a: &Finding, b: &Finding| -> Option<&str> {
            let (from, to) = if a.start < b.start {
                (a.end, b.start)
            } else {
                (b.end, a.start)
            };
            let gap = text.get(from.min(to)..to)?;
            (to.saturating_sub(from) <= 160 && !gap.contains("\n\n")).then_some(gap)
        };
        // A word before an address that says someone lives or gets mail
        // there, or `c/o` in it (per address, not per pair).
        let home_cue = |a: &Finding| -> bool {
            if a.rule.as_ref() == "address.street_postal"
                || a.text.contains("c/o")
                || a.text.contains("C/O")
            {
                return true;
            }
            // (Compared folded in place, the byte before the cue no
            // letter or digit: `adress`, not `postadress`; a non-ASCII byte counts as one.)
            let head = text[..a.start].trim_end_matches([' ', ':']).as_bytes();
            HOME_CUES.iter().any(|c| {
                crate::text::ends_with_folded(head, c.as_bytes())
                    && !head[..head.len() - c.len()]
                        .last()
                        .is_some_and(|&x| x.is_ascii_alphanumeric() || x >= 0x80)
            })
        };
        // No title between the name and the number (staff at work).
        let titled = |gap: &str| {
            gap.split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() >= 4)
                .any(|w| {
                    if w.chars().any(char::is_uppercase) {
                        crate::detect::signature_title(&crate::text::fold(w))
                    } else {
                        crate::detect::signature_title(w)
                    }
                })
        };
        let names: Vec<usize> = (0..found.len())
            .filter(|&k| medium(&found[k], Kind::Name))
            .collect();
        let mut raise = vec![false; found.len()];
        for c in 0..found.len() {
            let (phone, address) = (
                medium(&found[c], Kind::Phone),
                medium(&found[c], Kind::Address),
            );
            if !(phone
                || (address
                    && matches!(&*found[c].rule, "address.street" | "address.street_postal")))
            {
                continue;
            }
            let cue = address && home_cue(&found[c]);
            for &n in &names {
                let (a, p) = (&found[c], &found[n]);
                let Some(gap) = between(a, p) else {
                    continue;
                };
                // Right after the name: `Göran på Ekbacken 12`.
                let after_name = p.end <= a.start && matches!(gap, " på " | ", " | " vid " | " ");
                // Staff at work: a title between, or right before the name
                // (`enhetschef Camilla Ek, 070-…`).
                let staff = || {
                    let head = &text[..p.start];
                    let word = head.trim_end_matches(' ');
                    titled(gap)
                        || (word.len() < head.len()
                            && word
                                .rsplit(|c: char| !c.is_alphabetic())
                                .next()
                                .is_some_and(|w| !w.is_empty() && titled(w)))
                };
                if (address && (cue || after_name)) || (phone && !staff()) {
                    raise[c] = true;
                    raise[n] = true;
                }
            }
        }
        let why = self.messages.get("combined.name_with_contact", lang);
        for (f, raise) in found.iter_mut().zip(raise) {
            if raise {
                raise_to_high(f, why);
            }
        }
    }

    fn apply_allow_list(&self, found: &mut [Finding], lang: Lang) {
        if self.allow.is_empty() && self.allow_domains.is_empty() {
            return;
        }
        for f in found {
            let norm = normalize(&f.text);
            let listed = self
                .allow
                .iter()
                .any(|(t, k)| *t == norm && k.is_none_or(|k| k == f.kind));
            let own_domain = f.kind == Kind::Email
                && f.text.rsplit_once('@').is_some_and(|(_, d)| {
                    let d = d.to_lowercase();
                    self.allow_domains
                        .iter()
                        .any(|a| d == *a || d.ends_with(&format!(".{a}")))
                });
            if listed || own_domain {
                f.severity = Severity::Info;
                f.explanation = self.messages.text("allow_list.listed", lang);
            }
        }
    }
}

/// A `policy` finding over the reply's last line when no signature with a
/// name and a title closes it (Forshaga's guidelines: replies are signed
/// with the writer's name and title).
fn unsigned_reply(
    text: &str,
    found: &[Finding],
    messages: &Messages,
    lang: Lang,
) -> Option<Finding> {
    if text.trim().is_empty() {
        return None;
    }
    let signed_with_title = found.iter().any(|f| {
        f.kind == Kind::Name && f.rule == "name.signature" && {
            // The title follows the name on its line or the next one, or
            // stands alone on the line before (`Handläggare` / `Maria Holm`).
            let after = &text[f.end..];
            let tail: String = after
                .lines()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let line_before = text[..f.start]
                .trim_end_matches([' ', '\u{a0}'])
                .strip_suffix('\n')
                .map(|h| h.rsplit('\n').next().unwrap_or(h).to_lowercase());
            let titled = |s: &str| {
                s.split(|c: char| !c.is_alphabetic())
                    .any(crate::detect::signature_title)
            };
            titled(&tail) || line_before.is_some_and(|l| titled(&l))
        }
    });
    if signed_with_title {
        return None;
    }
    let trimmed = text.trim_end();
    let start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let start = start + (trimmed.len() - start - trimmed[start..].trim_start().len());
    Some(Finding {
        kind: Kind::Policy,
        start,
        end: trimmed.len(),
        text: text[start..trimmed.len()].to_string(),
        score: 0.9,
        severity: Severity::Low,
        rule: "policy.reply_unsigned".into(),
        explanation: messages.text("policy.reply_unsigned", lang),
        normalized: None,
        source: None,
    })
}

/// Keeps one finding per character: when spans overlap, the finding with the
/// higher severity wins, then the higher score, then the longer span, then
/// the detector registered first (the sort is stable). So a validated
/// personnummer (high) is never also reported as a phone number (medium).
/// Returns the kept findings sorted by `(start, end)`.
fn resolve_overlaps(mut found: Vec<Finding>) -> Vec<Finding> {
    // Fast path, the common case: sorted by position, nothing overlaps.
    found.sort_by_key(|f| (f.start, f.end));
    if found.windows(2).all(|w| w[0].end <= w[1].start) {
        return found;
    }
    found.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.score.total_cmp(&a.score))
            .then(b.len().cmp(&a.len()))
            .then(a.start.cmp(&b.start))
    });
    // Kept spans never overlap, so only the kept span starting closest
    // before a candidate's end can overlap it.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in found {
        let clash = kept
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > f.start);
        if !clash {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

/// Builds a [`Scanner`]: defaults plus user rule files and options.
///
/// # Example
/// ```
/// use postvakt::{Lang, Scanner};
/// let scanner = Scanner::builder()
///     .lang(Lang::En)
///     .rules_str("kommun.toml", "disable = [\"samordningsnummer\"]")?
///     .build()?;
/// assert!(scanner.scan_text("730288-9931").is_empty());
/// # Ok::<(), postvakt::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ScannerBuilder {
    options: ScanOptions,
    today: Option<Date>,
    files: Vec<(String, RuleFile)>,
    only: Option<Vec<String>>,
}

impl ScannerBuilder {
    /// A builder with the embedded defaults.
    pub fn new() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// The language of explanations (Swedish by default).
    pub fn lang(&mut self, lang: Lang) -> &mut Self {
        self.options.lang = lang;
        self
    }

    /// Treat every text as a reply to a resident (see [`ScanOptions::reply`]).
    pub fn reply(&mut self, yes: bool) -> &mut Self {
        self.options.reply = yes;
        self
    }

    /// Fixes "today" for century resolution (tests, reproducible audits);
    /// by default the system clock is read at each scan.
    pub fn today(&mut self, today: Date) -> &mut Self {
        self.today = Some(today);
        self
    }

    /// Adds a rule file from its text; `name` appears in errors.
    ///
    /// # Errors
    /// [`Error::Rules`] when the file is malformed.
    pub fn rules_str(&mut self, name: &str, src: &str) -> Result<&mut Self, Error> {
        self.files
            .push((name.to_string(), RuleFile::parse(name, src)?));
        Ok(self)
    }

    /// Adds a rule file from disk.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be read, [`Error::Rules`] when malformed.
    pub fn rules_file(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let src = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.rules_str(&path.display().to_string(), &src)
    }

    /// Switches off a rule id, detector id or kind (as `disable` in a rule file).
    pub fn disable(&mut self, id: &str) -> &mut Self {
        let file = RuleFile {
            disable: vec![id.to_string()],
            ..RuleFile::default()
        };
        self.files.push(("--disable".to_string(), file));
        self
    }

    /// Keeps only the named detectors (`"personnummer"`), for a narrow scan
    /// or a benchmark of one detector. Unknown ids fail the build.
    pub fn only(&mut self, detector_ids: &[&str]) -> &mut Self {
        self.only = Some(detector_ids.iter().map(|s| s.to_string()).collect());
        self
    }

    /// Allows a public text of the organisation (as `[[allow]]` in a rule file).
    pub fn allow(&mut self, text: &str, kind: Option<Kind>) -> &mut Self {
        let file = RuleFile {
            allow: vec![AllowEntry {
                text: text.to_string(),
                kind,
                note: None,
            }],
            ..RuleFile::default()
        };
        self.files.push(("--allow".to_string(), file));
        self
    }

    /// Compiles the scanner.
    ///
    /// # Errors
    /// [`Error::Rules`] when a disabled id names no rule, detector or kind, or
    /// a rule has no explanation.
    pub fn build(&self) -> Result<Scanner, Error> {
        let mut messages = Messages::embedded();
        // Embedded rule files first (parsed once per process), then the
        // user's, in the order given.
        let mut files = crate::rules::EMBEDDED_FILES.clone();
        files.extend(self.files.iter().cloned());
        let detectors = default_detectors(&files)?;
        for d in &detectors {
            messages.insert_all(d.messages());
        }
        let mut known: HashSet<&str> = HashSet::new();
        for d in &detectors {
            known.insert(d.id());
            known.extend(d.kinds().iter().map(|k| k.as_str()));
            for r in d.rules() {
                known.insert(r);
                if !messages.contains(r) {
                    return Err(Error::Rules {
                        name: "patterns/messages.toml".into(),
                        line: 0,
                        message: format!("rule `{r}` has no explanation"),
                    });
                }
            }
        }
        for r in [
            "allow_list.listed",
            "combined.with_identity_number",
            "combined.name_with_contact",
            "terms.general_statement",
            "policy.reply_unsigned",
        ] {
            if !messages.contains(r) {
                return Err(Error::Rules {
                    name: "patterns/messages.toml".into(),
                    line: 0,
                    message: format!("rule `{r}` has no explanation"),
                });
            }
        }
        // The reply check is the scanner's own rule.
        known.insert("policy");
        known.insert("policy.reply_unsigned");
        let mut disabled = HashSet::new();
        let mut allow = Vec::new();
        let mut allow_domains = Vec::new();
        for (name, file) in &self.files {
            for id in &file.disable {
                if !known.contains(id.as_str()) {
                    let mut ids: Vec<&str> = known.iter().copied().collect();
                    ids.sort_unstable();
                    return Err(Error::Rules {
                        name: name.clone(),
                        line: 0,
                        message: format!(
                            "`{id}` in `disable` names no rule, detector or kind (known: {})",
                            ids.join(", ")
                        ),
                    });
                }
                disabled.insert(id.clone());
            }
            allow.extend(file.allow.iter().map(|a| (normalize(&a.text), a.kind)));
            allow_domains.extend(
                file.allow_domains
                    .iter()
                    .map(|d| d.trim().trim_start_matches('@').to_lowercase()),
            );
            messages.insert_all(file.messages.clone());
        }
        if let Some(only) = &self.only {
            if let Some(bad) = only
                .iter()
                .find(|id| !detectors.iter().any(|d| d.id() == *id))
            {
                return Err(Error::Rules {
                    name: "--only".into(),
                    line: 0,
                    message: format!("`{bad}` names no detector"),
                });
            }
        }
        let detectors = detectors
            .into_iter()
            .filter(|d| !disabled.contains(d.id()))
            .filter(|d| {
                self.only
                    .as_ref()
                    .is_none_or(|o| o.iter().any(|id| id == d.id()))
            })
            .collect();
        Ok(Scanner {
            detectors,
            messages,
            options: self.options,
            today: self.today,
            disabled,
            allow,
            allow_domains,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(start: usize, end: usize, severity: Severity, score: f32) -> Finding {
        Finding {
            kind: Kind::Phone,
            start,
            end,
            text: String::new(),
            score,
            severity,
            rule: "".into(),
            explanation: "".into(),
            normalized: None,
            source: None,
        }
    }

    #[test]
    fn scanner_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Scanner>();
    }

    #[test]
    fn overlaps_keep_the_more_serious_then_the_surer() {
        let kept = resolve_overlaps(vec![
            f(0, 10, Severity::Medium, 0.9),
            f(5, 15, Severity::High, 0.5),
            f(14, 20, Severity::Low, 0.99),
            f(20, 25, Severity::Low, 0.1),
            f(21, 23, Severity::Low, 0.2),
        ]);
        let spans: Vec<_> = kept.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(spans, vec![(5, 15), (21, 23)]);
    }

    #[test]
    fn allow_list_turns_findings_into_info() {
        let s = Scanner::builder()
            .allow("811228 9874", None)
            .build()
            .unwrap();
        let found = s.scan_text("pnr 811228-9874");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].explanation.contains("lista"));
    }

    #[test]
    fn built_in_explanations_are_borrowed_and_rule_files_reword_them() {
        use std::borrow::Cow;
        let text = "pnr 811228-9874, sekretess";
        let found = Scanner::new().scan_text(text);
        assert_eq!(found.len(), 2);
        for f in &found {
            // Built-in rules and the embedded rule files' terms: no copy.
            assert!(matches!(f.rule, Cow::Borrowed(_)), "{}", f.rule);
            assert!(matches!(f.explanation, Cow::Borrowed(_)), "{}", f.rule);
        }
        let reworded = |lang| {
            Scanner::builder()
                .lang(lang)
                .rules_str(
                    "k.toml",
                    "[messages.\"personnummer.valid\"]\nsv = \"Eget\"\nen = \"Own\"\n",
                )
                .unwrap()
                .build()
                .unwrap()
        };
        let found = reworded(Lang::Sv).scan_text(text);
        assert_eq!(found[0].explanation, "Eget");
        assert_eq!(
            found[1].explanation,
            Scanner::new().scan_text(text)[1].explanation
        );
        assert_eq!(reworded(Lang::En).scan_text(text)[0].explanation, "Own");
    }

    #[test]
    fn own_domains_are_info() {
        let s = Scanner::builder()
            .rules_str("k.toml", "allow_domains = [\"forshaga.se\"]")
            .unwrap()
            .build()
            .unwrap();
        let found = s.scan_text("anna.lindqvist@forshaga.se och kalle@example.com");
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[1].severity, Severity::Medium);
    }

    #[test]
    fn contact_details_beside_an_identity_number_are_high() {
        let s = Scanner::new();
        let found = s.scan_text("Ring 070-174 06 05.");
        assert_eq!(found[0].severity, Severity::Medium);
        let found = s.scan_text("pnr 811228-9874, ring 070-174 06 05.");
        assert_eq!(found[1].severity, Severity::High);
        assert!(
            found[1].explanation.contains("personnummer"),
            "{}",
            found[1].explanation
        );
    }

    #[test]
    fn a_name_beside_a_home_address_or_mobile_is_high() {
        let s = Scanner::new();
        let sev = |text: &str| -> Vec<(Kind, Severity)> {
            s.scan_text(text)
                .into_iter()
                .map(|f| (f.kind, f.severity))
                .collect()
        };
        assert_eq!(
            sev("Anna Berg bor på Storgatan 5 och är aldrig hemma."),
            [
                (Kind::Name, Severity::High),
                (Kind::Address, Severity::High)
            ]
        );
        assert_eq!(
            sev("Ring Anna Berg på 070-174 06 55 om hunden."),
            [(Kind::Name, Severity::High), (Kind::Phone, Severity::High)]
        );
        assert_eq!(
            sev("Göran på Ekbacken 12 har inte fått sin tidning."),
            [
                (Kind::Name, Severity::High),
                (Kind::Address, Severity::High)
            ]
        );
        // A greeted name is the reply's reader, and the place a reply names
        // is as often the pothole's; a place that is nobody's home; staff
        // at work.
        for text in [
            "Hej Anna! Gropen vid Storgatan 5 lagas på fredag.",
            "Aleksandr Petrenko har öppnat ett bageri på Storgatan 31.",
            "Kontakta Sara Holm, fritidsledare, 070-174 06 60.",
            "Upplysningar: enhetschef Camilla Ek, 070-174 06 31.",
            "Kontakta rektor Anna Berg på 070-174 06 32 vid frågor.",
        ] {
            assert!(
                sev(text).iter().all(|(_, s)| *s != Severity::High),
                "{text}: {:?}",
                sev(text)
            );
        }
        // The organisation's number, a box, the signature: nothing raised.
        assert_eq!(
            sev("Hej Anna! Ring växeln på 054-17 20 00.\n/Petra Holm, kommunikatör"),
            [
                (Kind::Name, Severity::Low),
                (Kind::Phone, Severity::Info),
                (Kind::Name, Severity::Info)
            ]
        );
        // In another paragraph, or far apart: not together.
        let apart = "Anna Berg vann tipspromenaden!\n\nLoppis på Storgatan 5 på lördag.";
        assert!(sev(apart).iter().all(|(_, s)| *s == Severity::Medium));
        let found = s.scan_text("Anna Berg bor på Storgatan 5.");
        assert!(found[1].explanation.contains("var en viss person bor"));
    }

    #[test]
    fn replies_need_a_signature_with_name_and_title() {
        let s = Scanner::builder().reply(true).build().unwrap();
        let signed = "Hej Lisa! Biblioteket har öppet.\n/Petra Holm, kommunikatör";
        assert!(s.scan_text(signed).iter().all(|f| f.kind != Kind::Policy));
        let untitled = "Hej Lisa! Biblioteket har öppet.\n/Petra Holm";
        let f = s.scan_text(untitled);
        let p = f.iter().find(|f| f.kind == Kind::Policy).unwrap();
        assert_eq!(p.text, "/Petra Holm");
        assert!(p.explanation.contains("titel"), "{}", p.explanation);
        let unsigned = "Hej Lisa! Biblioteket har öppet.";
        assert!(s.scan_text(unsigned).iter().any(|f| f.kind == Kind::Policy));
        // Signed as letters are, without `Mvh` or a slash: the name alone on
        // a closing line, the title after it or alone on the line before.
        for block in [
            "Hej Karin!\nVi återkommer i veckan.\n\nMaria Holm\nKommunikatör, Forshaga kommun",
            "Hej Karin!\nVi återkommer i veckan.\n\nHandläggare\nMaria Holm",
            "Hej Karin!\nVi återkommer i veckan.\nMaria Holm, bygglovshandläggare",
        ] {
            assert!(
                s.scan_text(block).iter().all(|f| f.kind != Kind::Policy),
                "{block}"
            );
        }
        // A name alone closing the reply, with no title anywhere: unsigned.
        let f = s.scan_text("Hej Karin!\nVi återkommer i veckan.\n\nMaria Holm");
        assert!(f.iter().any(|f| f.kind == Kind::Policy));
        // Not a reply: no policy finding.
        assert!(Scanner::new()
            .scan_text(unsigned)
            .iter()
            .all(|f| f.kind != Kind::Policy));
    }

    #[test]
    fn unknown_disabled_id_is_an_error() {
        let err = Scanner::builder()
            .disable("personnummer.typo")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("personnummer.typo"), "{err}");
    }

    #[test]
    fn english_explanations() {
        let s = Scanner::builder().lang(Lang::En).build().unwrap();
        let found = s.scan_text("811228-9874");
        assert!(found[0].explanation.contains("identity number"));
    }

    #[test]
    fn empty_text_has_no_findings() {
        assert!(Scanner::new().scan_text("").is_empty());
    }
}
