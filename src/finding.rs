//! Findings: what a detector reports, as plain serde data.
//!
//! This module only defines data. It never scans, prints or reads anything.
//! The JSON form of [`Finding`] is a contract other tools parse; it is
//! documented in [`crate::output::json`] and pinned by snapshot tests.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What kind of personal or confidential data a finding is.
///
/// Serialized in snake_case (`"personnummer"`, `"bank_account"`). New kinds are
/// added as detectors arrive, so match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A Swedish personal identity number (personnummer).
    Personnummer,
    /// A Swedish coordination number (samordningsnummer: day of birth + 60).
    Samordningsnummer,
    /// A telephone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A street or postal address.
    Address,
    /// A person's name.
    Name,
    /// Wording that shows the text may be confidential (sekretess, OSL).
    Confidential,
    /// Special categories of personal data (GDPR art. 9-10).
    Sensitive,
    /// A bank account number or IBAN.
    BankAccount,
    /// A vehicle registration number.
    LicensePlate,
    /// The number of a passport, national ID card or driving licence.
    IdDocument,
    /// A geographic position (for example GPS coordinates in image metadata).
    Location,
    /// A breach of the posting guidelines rather than personal data.
    Policy,
    /// A camera's or lens's serial number in image metadata: it ties a photo
    /// to one device and its owner.
    DeviceId,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [Kind] = &[
        Kind::Personnummer,
        Kind::Samordningsnummer,
        Kind::Phone,
        Kind::Email,
        Kind::Address,
        Kind::Name,
        Kind::Confidential,
        Kind::Sensitive,
        Kind::BankAccount,
        Kind::LicensePlate,
        Kind::IdDocument,
        Kind::Location,
        Kind::Policy,
        Kind::DeviceId,
    ];

    /// The snake_case name used in JSON, rule files and masks.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Personnummer => "personnummer",
            Kind::Samordningsnummer => "samordningsnummer",
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Address => "address",
            Kind::Name => "name",
            Kind::Confidential => "confidential",
            Kind::Sensitive => "sensitive",
            Kind::BankAccount => "bank_account",
            Kind::LicensePlate => "license_plate",
            Kind::IdDocument => "id_document",
            Kind::Location => "location",
            Kind::Policy => "policy",
            Kind::DeviceId => "device_id",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a string that names no [`Kind`] or [`Severity`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{given}` (expected one of: {expected})")]
pub struct ParseNameError {
    what: &'static str,
    given: String,
    expected: String,
}

impl FromStr for Kind {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ParseNameError {
                what: "kind",
                given: s.to_string(),
                expected: Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// How serious a finding is. Ordered: `Info < Low < Medium < High`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Expected or harmless (the organisation's own switchboard, the writer's signature).
    Info,
    /// Worth a look before posting.
    #[default]
    Low,
    /// Should normally be removed.
    Medium,
    /// Must not be published.
    High,
}

impl Severity {
    /// Every severity, lowest first.
    pub const ALL: &'static [Severity] = &[
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
    ];

    /// The snake_case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// The word shown to a communicator in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Sv, Severity::Info) => "info",
            (Lang::Sv, Severity::Low) => "låg",
            (Lang::Sv, Severity::Medium) => "medel",
            (Lang::Sv, Severity::High) => "hög",
            (Lang::En, s) => s.as_str(),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ParseNameError {
                what: "severity",
                given: s.to_string(),
                expected: "info, low, medium, high".to_string(),
            })
    }
}

/// The language of explanations: Swedish first, English available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Swedish (the default).
    #[default]
    Sv,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            _ => Err(ParseNameError {
                what: "language",
                given: s.to_string(),
                expected: "sv, en".to_string(),
            }),
        }
    }
}

/// One piece of personal or confidential data found in a text.
///
/// `start` and `end` are byte offsets into the UTF-8 text that was scanned,
/// always on char boundaries, and `text == input[start..end]`.
///
/// Its `Debug` output contains the found text: never log it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The found text, `input[start..end]`.
    pub text: String,
    /// How sure the scanner is, from 0 to 1.
    pub score: f32,
    /// How serious it is.
    pub severity: Severity,
    /// The id of the rule that fired, `detector.snake_case`. (Borrowed from
    /// the embedded catalog for built-in rules: no copy per finding.)
    pub rule: Cow<'static, str>,
    /// One sentence a communicator understands, in the scanner's language.
    /// (Borrowed from the embedded catalog unless a rule file reworded it.)
    pub explanation: Cow<'static, str>,
    /// A normalized form where one exists: E.164 for phone numbers
    /// (`+46701740605`). Absent in JSON when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
    /// Where the finding sits when it is not in the draft text itself: an
    /// image's pixels (OCR) or its metadata. Absent for text findings; then
    /// `start`/`end` index the scanned text. For OCR findings they index the
    /// text OCR read from the image.
    /// (Boxed: most findings have none, and a small `Finding` is cheaper to
    /// sort and move.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<Source>>,
}

/// A rectangle in an image, in pixels from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BBox {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl BBox {
    /// True when the two boxes share at least one pixel.
    pub fn overlaps(self, other: BBox) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        let right = (self.x + self.width).max(other.x + other.width);
        let bottom = (self.y + self.height).max(other.y + other.height);
        BBox {
            x,
            y,
            width: right - x,
            height: bottom - y,
        }
    }
}

/// Where in an image a finding was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The image as the user named it (a file name or an attachment id).
    pub image: String,
    /// OCR findings: the union of the words' boxes.
    #[serde(rename = "box", default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// OCR findings whose text wraps: one box per line (what redaction fills).
    /// Absent when the finding sits on one line (then it equals `box`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<BBox>,
    /// Metadata findings: the field, such as `Exif.GPSInfo` or `Xmp.dc:creator`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

impl Source {
    /// The boxes that cover the finding: one per line, or the one box.
    pub fn boxes(&self) -> Vec<BBox> {
        if self.lines.is_empty() {
            self.bbox.into_iter().collect()
        } else {
            self.lines.clone()
        }
    }
}

impl Finding {
    /// The length of the span in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span is empty (never for findings the scanner returns).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Finding) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), *k);
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert!("phone_number".parse::<Kind>().is_err());
    }

    #[test]
    fn severity_is_ordered() {
        assert!(Severity::Info < Severity::Low);
        assert!(Severity::Low < Severity::Medium);
        assert!(Severity::Medium < Severity::High);
        assert_eq!("medium".parse::<Severity>().unwrap(), Severity::Medium);
        let err = "severe".parse::<Severity>().unwrap_err().to_string();
        assert!(err.contains("severe"), "{err}");
    }
}
