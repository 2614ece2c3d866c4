//! One image through the scanner: metadata, then OCR, each finding with its
//! source (box or metadata field).

use serde::Serialize;

use super::metadata::{self, Role};
use super::{load, ImageLimits, Layout, LoadedImage, OcrEngine};
use crate::{Finding, Kind, Scanner, Severity, Source};

/// What to do with an image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageOptions {
    /// Limits checked before decoding.
    pub limits: ImageLimits,
    /// Read the text in the pixels (needs an OCR engine).
    pub ocr: bool,
    /// Upscale small text and read again when it helps (see
    /// [`ImageOptions::default`]).
    pub preprocess: bool,
    /// Report metadata fields.
    pub metadata: bool,
    /// Read the image twice, as one block of text and with automatic layout
    /// analysis (see [`read_text`]).
    pub both_layouts: bool,
}

impl Default for ImageOptions {
    /// Everything on. Preprocessing: transparent pixels are put on white,
    /// and when the words read are under 12 px high (or none were read in a
    /// small image) the image is upscaled 2× and read again; the reading
    /// with more confident text wins.
    fn default() -> Self {
        ImageOptions {
            limits: ImageLimits::default(),
            ocr: true,
            preprocess: true,
            metadata: true,
            both_layouts: true,
        }
    }
}

/// How OCR went on one image.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OcrStats {
    /// Words read.
    pub words: usize,
    /// Mean word confidence, 0 to 1.
    pub mean_conf: f32,
    /// The upscaling factor of the reading used (1 = none).
    pub scale: u32,
    /// Milliseconds in Tesseract (all readings).
    pub ocr_ms: f64,
    /// Milliseconds in the scanner.
    pub scan_ms: f64,
}

/// The result for one image. Always produced, also when the image could
/// not be read: then `error` says why, and metadata found before the
/// failure is still reported.
#[derive(Debug, Clone, Serialize)]
pub struct ImageReport {
    /// The image as the caller named it.
    pub image: String,
    /// `png`, `jpeg`...; absent when the format was not recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// Width in pixels (0 when not decoded).
    pub width: u32,
    /// Height in pixels (0 when not decoded).
    pub height: u32,
    /// Findings: metadata first, then OCR in reading order.
    pub findings: Vec<Finding>,
    /// OCR figures, when OCR ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrStats>,
    /// Why the image (or its OCR) failed, in words for the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl ImageReport {
    /// An empty report for `image`: nothing found, nothing read yet.
    pub fn new(image: &str) -> ImageReport {
        ImageReport {
            image: image.to_string(),
            format: None,
            width: 0,
            height: 0,
            findings: Vec::new(),
            ocr: None,
            error: None,
        }
    }

    /// The report of an image that could not be checked at all.
    pub fn failed(image: &str, error: String) -> ImageReport {
        ImageReport {
            error: Some(error),
            ..ImageReport::new(image)
        }
    }
}

/// Checks one image's bytes with Tesseract in this process (feature
/// `ocr`): see [`check_image_with`].
#[cfg(feature = "ocr")]
pub fn check_image(
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    options: &ImageOptions,
) -> (ImageReport, Option<LoadedImage>) {
    check_image_with(scanner, name, bytes, options, Some(&super::Tesseract))
}

/// Checks one image's bytes: metadata, then (with an `engine` and
/// `options.ocr`) the text in its pixels through `scanner`. Returns the
/// report and, when the pixels could be decoded, the image (for
/// [`super::redact`]).
pub fn check_image_with(
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    options: &ImageOptions,
    engine: Option<&dyn OcrEngine>,
) -> (ImageReport, Option<LoadedImage>) {
    let mut report = ImageReport::new(name);
    if options.metadata && bytes.len() <= options.limits.max_bytes {
        report.findings = metadata_findings(scanner, name, &metadata::read(bytes));
    }
    let loaded = match load(bytes, &options.limits) {
        Ok(img) => img,
        Err(e) => {
            report.error = Some(e.to_string());
            return (report, None);
        }
    };
    report.format = Some(loaded.format);
    report.width = loaded.width();
    report.height = loaded.height();
    if options.ocr {
        match engine {
            Some(engine) => match ocr_findings(scanner, name, &loaded, options, engine) {
                Ok((findings, stats)) => {
                    report.findings.extend(findings);
                    report.ocr = Some(stats);
                }
                Err(e) => report.error = Some(e.to_string()),
            },
            None => {
                report.error = Some(
                    "no OCR engine in this build (cargo feature `ocr`): only the metadata was \
                     checked"
                        .to_string(),
                )
            }
        }
    }
    (report, Some(loaded))
}

fn metadata_findings(
    scanner: &Scanner,
    image: &str,
    fields: &[metadata::MetaField],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in fields {
        let source = Some(Box::new(Source {
            image: image.to_string(),
            bbox: None,
            lines: Vec::new(),
            metadata: Some(f.field.clone()),
        }));
        let whole = |kind, rule: &str, severity, score, explanation: String| Finding {
            kind,
            start: 0,
            end: f.value.len(),
            text: f.value.clone(),
            score,
            severity,
            rule: crate::explain::rule_id(rule),
            explanation: explanation.into(),
            normalized: None,
            source: source.clone(),
        };
        match f.role {
            Role::Person | Role::Serial => {
                let (kind, rule, score) = if f.role == Role::Person {
                    (Kind::Name, "metadata.person", 0.8)
                } else {
                    (Kind::DeviceId, "metadata.serial", 0.9)
                };
                let explanation = scanner.explain(rule).to_string();
                out.push(whole(kind, rule, Severity::Low, score, explanation));
            }
            Role::Location { lat, lon } => {
                let explanation = scanner
                    .explain("metadata.gps")
                    .replace("{lat}", &format!("{lat:.2}"))
                    .replace("{lon}", &format!("{lon:.2}"));
                let mut finding = whole(
                    Kind::Location,
                    "metadata.gps",
                    Severity::Medium,
                    0.95,
                    explanation,
                );
                finding.normalized = Some(format!("{lat:.6},{lon:.6}"));
                out.push(finding);
            }
            Role::Text => {
                for mut finding in scanner.scan_text(&f.value) {
                    finding.source = source.clone();
                    out.push(finding);
                }
            }
        }
    }
    out
}

/// Pixels for Tesseract: 8-bit gray, transparent areas on white (a
/// screenshot with a transparent background would otherwise turn black, and
/// its black text with it).
fn gray_on_white(img: &image::DynamicImage) -> image::GrayImage {
    if !img.color().has_alpha() {
        return img.to_luma8();
    }
    let rgba = img.to_rgba8();
    image::GrayImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let luma = (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000;
        let a = u32::from(a);
        image::Luma([((luma * a + 255 * (255 - a)) / 255) as u8])
    })
}

/// Words whose median box is lower than this are read again at 2×.
/// Measured on corpus/images (README, Images): upscaling text of 12-20 px
/// lost more than it won (Tesseract dropped diacritics: `Öberg` → `Oberg`),
/// and 3-4× factors did worse than 2×; below 12 px, 2× raised recall from
/// 5/12 to 8/12.
const SMALL_TEXT_PX: u32 = 12;
/// Upscaled readings stay under this many pixels.
const MAX_UPSCALED_PIXELS: u64 = 16_000_000;

/// One reading of an image by Tesseract: the words joined into lines and
/// blocks, each word with its box in the image's pixels, and the upscaling
/// factor it was read at.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The text and its words.
    pub text: super::OcrText,
    /// 1, or 2 when the image was upscaled for small text.
    pub scale: u32,
}

/// Reads the text in an image: as one block of text, and (with
/// `options.both_layouts`) again with automatic layout analysis; with
/// `options.preprocess`, small text is read a third time at 2×. The
/// readings come back in that order; each loses different things (one block
/// interleaves separate notes, automatic layout splits tilted lines, the
/// upscaled reading drops diacritics, small text reads `@` as `Q`), so
/// findings are taken from all of them.
pub fn read_text(
    loaded: &LoadedImage,
    options: &ImageOptions,
    engine: &dyn OcrEngine,
) -> Result<Vec<Reading>, super::OcrError> {
    use super::layout::{parse_tsv, OcrWord};

    let recognize = |gray: &[u8], w: u32, h: u32, layout: Layout| {
        engine
            .recognize(gray, w, h, layout)
            .map(|tsv| parse_tsv(&tsv))
    };

    let gray = gray_on_white(&loaded.pixels);
    let (w, h) = gray.dimensions();
    let words = recognize(gray.as_raw(), w, h, Layout::Block)?;
    let mut readings = vec![Reading {
        text: super::OcrText::new(words),
        scale: 1,
    }];
    if options.both_layouts {
        let words = recognize(gray.as_raw(), w, h, Layout::Auto)?;
        readings.push(Reading {
            text: super::OcrText::new(words),
            scale: 1,
        });
    }
    if !options.preprocess {
        return Ok(readings);
    }
    let mut heights: Vec<u32> = readings[0]
        .text
        .words()
        .iter()
        .map(|w| w.bbox.height)
        .collect();
    heights.sort_unstable();
    let wanted = match heights.get(heights.len() / 2) {
        Some(&m) => m < SMALL_TEXT_PX,
        None => w.max(h) <= 1600,
    };
    let s = 2;
    if !wanted || u64::from(w * s) * u64::from(h * s) > MAX_UPSCALED_PIXELS {
        return Ok(readings);
    }
    let big = image::imageops::resize(&gray, w * s, h * s, image::imageops::FilterType::CatmullRom);
    let again: Vec<OcrWord> = recognize(big.as_raw(), w * s, h * s, Layout::Block)?
        .into_iter()
        .map(|mut word| {
            let b = &mut word.bbox;
            let right = (b.x + b.width).div_ceil(s);
            let bottom = (b.y + b.height).div_ceil(s);
            b.x /= s;
            b.y /= s;
            b.width = right - b.x;
            b.height = bottom - b.y;
            word
        })
        .collect();
    readings.push(Reading {
        text: super::OcrText::new(again),
        scale: s,
    });
    Ok(readings)
}

fn ocr_findings(
    scanner: &Scanner,
    image: &str,
    loaded: &LoadedImage,
    options: &ImageOptions,
    engine: &dyn OcrEngine,
) -> Result<(Vec<Finding>, OcrStats), super::OcrError> {
    use std::time::Instant;

    let started = Instant::now();
    let readings = read_text(loaded, options, engine)?;
    let ocr_ms = started.elapsed().as_secs_f64() * 1e3;
    let started = Instant::now();
    let mut findings: Vec<Finding> = Vec::new();
    for (i, reading) in readings.iter().enumerate() {
        let text = &reading.text;
        for mut f in scanner.scan_text(&text.text) {
            // Policy findings (an unsigned reply) have no place in an image.
            let Some((boxes, conf)) = text.locate(f.start, f.end) else {
                continue;
            };
            let union = boxes.iter().copied().reduce(|a, b| a.union(b));
            // A later reading adds only what the earlier ones did not see.
            if i > 0
                && findings.iter().any(|g| {
                    g.source
                        .as_ref()
                        .and_then(|s| s.bbox)
                        .zip(union)
                        .is_some_and(|(a, b)| a.overlaps(b))
                })
            {
                continue;
            }
            f.score = (f.score * conf * 100.0).round() / 100.0;
            f.source = Some(Box::new(Source {
                image: image.to_string(),
                bbox: union,
                lines: if boxes.len() > 1 { boxes } else { Vec::new() },
                metadata: None,
            }));
            findings.push(f);
        }
    }
    let first = &readings[0];
    let stats = OcrStats {
        words: first.text.words().len(),
        mean_conf: first.text.mean_conf(),
        scale: first.scale,
        ocr_ms,
        scan_ms: started.elapsed().as_secs_f64() * 1e3,
    };
    Ok((findings, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_rules_have_messages() {
        let s = Scanner::new();
        for rule in ["metadata.gps", "metadata.person", "metadata.serial"] {
            assert_ne!(s.explain(rule), rule);
        }
        let en = Scanner::builder().lang(crate::Lang::En).build().unwrap();
        assert!(en.explain("metadata.gps").contains("GPS"));
    }

    #[test]
    fn metadata_fields_become_findings() {
        let fields = vec![
            metadata::MetaField {
                field: "Exif.GPSInfo".into(),
                value: "59.532100, 13.490200".into(),
                role: Role::Location {
                    lat: 59.5321,
                    lon: 13.4902,
                },
            },
            metadata::MetaField {
                field: "Exif.Artist".into(),
                value: "Kalle Anka".into(),
                role: Role::Person,
            },
            metadata::MetaField {
                field: "Exif.ImageDescription".into(),
                value: "Ring Märta på 070-123 45 67".into(),
                role: Role::Text,
            },
            metadata::MetaField {
                field: "Exif.BodySerialNumber".into(),
                value: "0123456".into(),
                role: Role::Serial,
            },
        ];
        let f = metadata_findings(&Scanner::new(), "a.jpg", &fields);
        let kinds: Vec<Kind> = f.iter().map(|f| f.kind).collect();
        assert!(
            kinds.contains(&Kind::Location) && kinds.contains(&Kind::Phone),
            "{kinds:?}"
        );
        assert!(kinds.contains(&Kind::DeviceId));
        let gps = &f[0];
        assert!(
            gps.explanation.contains("59.53, 13.49"),
            "{}",
            gps.explanation
        );
        assert!(
            !gps.explanation.contains("59.5321"),
            "rounded in the explanation"
        );
        let src = gps.source.as_ref().unwrap();
        assert_eq!(
            (src.image.as_str(), src.metadata.as_deref()),
            ("a.jpg", Some("Exif.GPSInfo"))
        );
        let phone = f.iter().find(|f| f.kind == Kind::Phone).unwrap();
        assert_eq!(&fields[2].value[phone.start..phone.end], "070-123 45 67");
    }

    #[test]
    fn a_bad_image_still_reports_its_metadata_and_an_error() {
        let mut jpg = vec![0xFF, 0xD8, 0xFF, 0xFE];
        let com = b"Ring 070-123 45 67";
        jpg.extend(((com.len() + 2) as u16).to_be_bytes());
        jpg.extend(com);
        jpg.extend([0xFF, 0xDA, 0, 2]);
        let (report, img) = check_image_with(
            &Scanner::new(),
            "x.jpg",
            &jpg,
            &ImageOptions::default(),
            None,
        );
        assert!(img.is_none());
        assert!(
            report.error.as_deref().unwrap().contains("corrupt"),
            "{report:?}"
        );
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].kind, Kind::Phone);
    }
}
